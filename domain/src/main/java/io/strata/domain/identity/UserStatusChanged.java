package io.strata.domain.identity;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A user was activated or deactivated (one user, or many in a bulk update). */
public record UserStatusChanged(UserId userId, UserStatus from, UserStatus to, Instant occurredAt)
        implements DomainEvent {}
