package io.strata.application.workspace;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import io.strata.domain.workspace.TaskRepository;
import io.strata.domain.workspace.TaskStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;

@Singleton
public class ChangeTaskStatusService implements ChangeTaskStatusUseCase {
    private final ProjectRepository projects;
    private final TaskRepository tasks;
    private final Clock clock;

    public ChangeTaskStatusService(ProjectRepository projects, TaskRepository tasks, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    @Transactional
    @Rerunnable
    public Task changeStatus(Command command) {
        WorkspaceAccess.LockedTask locked =
                WorkspaceAccess.lockTask(projects, tasks, command.actor(), command.taskId());
        WorkspaceAccess.requireContributor(command.actor());
        Task task = locked.task();
        if (command.expectedVersion() != null) {
            Versioned.require("Task", task.id(), command.expectedVersion(), task.version());
        }
        List<Task> dependencies = task.dependsOn().isEmpty() ? List.of() : tasks.findAllById(task.dependsOn());
        List<TaskId> doneDependents = !task.status().isOpen()
                        && command.status() != null
                        && command.status().isOpen()
                ? tasks.doneDependents(task.id())
                : List.of();
        TaskStatus from = task.status();
        task.changeStatus(locked.project(), command.status(), dependencies, doneDependents, clock);
        Task stored = tasks.save(task);
        locked.project().countTaskMoved(from, stored.status());
        projects.save(locked.project()); // no statement when the tally did not change (between open statuses)
        return stored;
    }
}
