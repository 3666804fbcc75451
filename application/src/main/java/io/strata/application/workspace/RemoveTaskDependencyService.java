package io.strata.application.workspace;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class RemoveTaskDependencyService implements RemoveTaskDependencyUseCase {
    private final ProjectRepository projects;
    private final TaskRepository tasks;
    private final Clock clock;

    public RemoveTaskDependencyService(ProjectRepository projects, TaskRepository tasks, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    @Transactional
    @Rerunnable
    public Task removeDependency(Command command) {
        WorkspaceAccess.LockedTask locked =
                WorkspaceAccess.lockTask(projects, tasks, command.actor(), command.taskId());
        WorkspaceAccess.requireContributor(command.actor());
        Task task = locked.task();
        Versioned.require("Task", task.id(), command.expectedVersion(), task.version());
        task.dropDependency(command.dependsOn(), clock);
        return tasks.save(task);
    }
}
