package io.strata.application.workspace;

import io.strata.application.shared.UseCase;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import io.strata.domain.workspace.TaskStatus;

/** Moves a task to a status and refreshes its project's taskCount and completion, exactly. */
@UseCase
public interface ChangeTaskStatusUseCase {
    Task changeStatus(Command command);

    /** {@code expectedVersion} is optional (null: change whatever the current version). */
    record Command(Actor actor, TaskId taskId, TaskStatus status, Long expectedVersion) {}
}
