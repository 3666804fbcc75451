package io.strata.domain.workspace;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A task was added to a project (alone, or with the project as one of its initial tasks); TODO, maybe assigned. */
public record TaskCreated(TaskId taskId, ProjectId projectId, String title, UserId assigneeId, Instant occurredAt)
        implements DomainEvent {}
