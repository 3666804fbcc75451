package io.strata.domain.identity;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/**
 * A user was deleted, and with it their profile, their sessions and their project memberships: no separate
 * event is recorded for those.
 */
public record UserDeleted(UserId userId, Instant occurredAt) implements DomainEvent {}
