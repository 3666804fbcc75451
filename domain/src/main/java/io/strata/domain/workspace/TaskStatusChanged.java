package io.strata.domain.workspace;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

public record TaskStatusChanged(TaskId taskId, ProjectId projectId, TaskStatus from, TaskStatus to, Instant occurredAt)
        implements DomainEvent {}
