package io.strata.domain.workspace;

import io.strata.domain.identity.UserId;
import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

public record ProjectCreated(ProjectId projectId, UserId ownerId, Instant occurredAt) implements DomainEvent {
}
