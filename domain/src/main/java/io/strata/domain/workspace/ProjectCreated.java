package io.strata.domain.workspace;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

public record ProjectCreated(ProjectId projectId, UserId ownerId, Instant occurredAt) implements DomainEvent {
}
