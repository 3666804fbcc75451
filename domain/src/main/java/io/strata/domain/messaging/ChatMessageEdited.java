package io.strata.domain.messaging;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

/** The sender changed a message's content; the previous content joined its edit history. */
public record ChatMessageEdited(ChatMessageId messageId, ChatRoomId roomId, Instant occurredAt)
        implements DomainEvent {}
