package io.strata.application.workspace;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class AddTaskDependencyService implements AddTaskDependencyUseCase {
    private final ProjectRepository projects;
    private final TaskRepository tasks;
    private final Clock clock;

    public AddTaskDependencyService(ProjectRepository projects, TaskRepository tasks, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Tasks of other projects look like unknown ones, so ids of invisible tasks do not leak. */
    @Override
    @Transactional
    @Rerunnable
    public Task addDependency(Command command) {
        WorkspaceAccess.LockedTask locked =
                WorkspaceAccess.lockTask(projects, tasks, command.actor(), command.taskId());
        WorkspaceAccess.requireContributor(command.actor());
        Task task = locked.task();
        Task other = tasks.findById(command.dependsOn())
                .filter(t -> t.projectId().equals(task.projectId()))
                .orElseThrow(
                        () -> new ValidationException("taskId", "no task " + command.dependsOn() + " in this project"));
        task.dependOn(other, tasks.dependencyGraph(task.projectId()), clock);
        return tasks.save(task);
    }
}
