package io.strata.domain.messaging;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A user became a member of a chat room. */
public record ChatRoomJoined(ChatRoomId roomId, UserId userId, Instant occurredAt) implements DomainEvent {}
