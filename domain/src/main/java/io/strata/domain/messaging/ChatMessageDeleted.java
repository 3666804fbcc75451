package io.strata.domain.messaging;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A message lost its content and edit history (by its sender or the room's creator); it keeps its place. */
public record ChatMessageDeleted(ChatMessageId messageId, ChatRoomId roomId, UserId deletedBy, Instant occurredAt)
        implements DomainEvent {}
