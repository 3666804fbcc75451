package io.strata.application.workspace;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class UpdateTaskService implements UpdateTaskUseCase {
    private final ProjectRepository projects;
    private final TaskRepository tasks;
    private final Clock clock;

    public UpdateTaskService(ProjectRepository projects, TaskRepository tasks, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    @Transactional
    @Rerunnable
    public Task update(Command command) {
        WorkspaceAccess.LockedTask locked =
                WorkspaceAccess.lockTask(projects, tasks, command.actor(), command.taskId());
        WorkspaceAccess.requireContributor(command.actor());
        Task task = locked.task();
        Versioned.require("Task", task.id(), command.expectedVersion(), task.version());
        TaskPatch patch = command.patch();
        patch.title().ifPresent(title -> task.rename(title, clock));
        patch.description().ifPresent(description -> task.describe(description, clock));
        patch.priority().ifPresent(priority -> task.prioritize(priority, clock));
        patch.estimatedHours().ifPresent(hours -> task.estimate(hours, clock));
        patch.dueDate().ifPresent(due -> task.reschedule(due, clock));
        patch.tags().ifPresent(tags -> task.retag(Tags.of(tags), clock));
        patch.assigneeId().ifPresent(assignee -> task.assign(locked.project(), assignee, clock));
        return tasks.save(task);
    }
}
