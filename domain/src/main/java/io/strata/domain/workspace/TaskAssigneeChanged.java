package io.strata.domain.workspace;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A task was assigned, reassigned or unassigned ({@code from} or {@code to} null: nobody). */
public record TaskAssigneeChanged(TaskId taskId, ProjectId projectId, UserId from, UserId to, Instant occurredAt)
        implements DomainEvent {}
