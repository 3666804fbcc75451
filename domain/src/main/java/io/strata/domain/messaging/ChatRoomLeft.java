package io.strata.domain.messaging;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A member left a chat room. */
public record ChatRoomLeft(ChatRoomId roomId, UserId userId, Instant occurredAt) implements DomainEvent {}
