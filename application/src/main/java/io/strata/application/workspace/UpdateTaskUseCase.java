package io.strata.application.workspace;

import io.strata.application.shared.UseCase;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;

/** Applies a merge patch to a task at an expected version (any non-GUEST member). */
@UseCase
public interface UpdateTaskUseCase {
    Task update(Command command);

    record Command(Actor actor, TaskId taskId, long expectedVersion, TaskPatch patch) {}
}
