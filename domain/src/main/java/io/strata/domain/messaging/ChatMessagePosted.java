package io.strata.domain.messaging;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A message was posted in a room; {@code replyToId} names the thread's first message when it is a reply. */
public record ChatMessagePosted(
        ChatMessageId messageId, ChatRoomId roomId, UserId senderId, ChatMessageId replyToId, Instant occurredAt)
        implements DomainEvent {}
