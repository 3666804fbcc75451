package io.strata.domain.identity;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A user's e-mail address was marked verified. */
public record UserEmailVerified(UserId userId, Email email, Instant occurredAt) implements DomainEvent {}
