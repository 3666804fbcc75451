package io.strata.domain.identity;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A user was registered (by sign-up, an ADMIN, the first-admin setup or the seed). */
public record UserRegistered(UserId userId, Email email, Username username, Role role, Instant occurredAt)
        implements DomainEvent {}
