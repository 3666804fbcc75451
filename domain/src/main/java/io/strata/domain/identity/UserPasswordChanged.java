package io.strata.domain.identity;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A user changed their password. Carries no password and no hash: only that it happened. */
public record UserPasswordChanged(UserId userId, Instant occurredAt) implements DomainEvent {}
