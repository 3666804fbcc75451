package io.strata.domain.workspace;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

public record ProjectStatusChanged(ProjectId projectId, ProjectStatus from, ProjectStatus to, Instant occurredAt)
        implements DomainEvent {}
