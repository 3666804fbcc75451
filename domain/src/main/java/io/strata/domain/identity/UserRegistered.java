package io.strata.domain.identity;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

public record UserRegistered(UserId userId, Email email, Instant occurredAt) implements DomainEvent {
}
