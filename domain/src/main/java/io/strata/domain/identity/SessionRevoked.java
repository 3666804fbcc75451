package io.strata.domain.identity;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/**
 * A session was ended before it expired: logged out, revoked by its owner or an ADMIN, or revoked with the
 * user's other sessions (password change, deactivation). Expiry is no event.
 */
public record SessionRevoked(SessionId sessionId, UserId userId, Instant occurredAt) implements DomainEvent {}
