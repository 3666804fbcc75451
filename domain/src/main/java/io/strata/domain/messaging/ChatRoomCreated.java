package io.strata.domain.messaging;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A chat room was created; its creator is its first member. */
public record ChatRoomCreated(ChatRoomId roomId, String name, UserId creatorId, Instant occurredAt)
        implements DomainEvent {}
