package io.strata.application.workspace;

import io.strata.application.shared.UseCase;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;

/** Makes a task depend on another task of its project; a cycle is a conflict naming the cycle. */
@UseCase
public interface AddTaskDependencyUseCase {
    Task addDependency(Command command);

    record Command(Actor actor, TaskId taskId, TaskId dependsOn) {}
}
