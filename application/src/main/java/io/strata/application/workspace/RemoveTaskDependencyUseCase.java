package io.strata.application.workspace;

import io.strata.application.shared.UseCase;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;

@UseCase
public interface RemoveTaskDependencyUseCase {
    Task removeDependency(Command command);

    record Command(Actor actor, TaskId taskId, TaskId dependsOn, long expectedVersion) {}
}
