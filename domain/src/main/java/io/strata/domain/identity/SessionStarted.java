package io.strata.domain.identity;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/**
 * A user logged in. Carries neither the token nor its hash, nor the client's address or user agent (personal
 * data that subscribers do not need).
 */
public record SessionStarted(SessionId sessionId, UserId userId, Instant expiresAt, Instant occurredAt)
        implements DomainEvent {}
