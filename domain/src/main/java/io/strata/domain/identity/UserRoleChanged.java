package io.strata.domain.identity;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A user's role changed (one user, or many in a bulk update). */
public record UserRoleChanged(UserId userId, Role from, Role to, Instant occurredAt) implements DomainEvent {}
