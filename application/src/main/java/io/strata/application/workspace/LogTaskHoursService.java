package io.strata.application.workspace;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class LogTaskHoursService implements LogTaskHoursUseCase {
    private final ProjectRepository projects;
    private final TaskRepository tasks;
    private final Clock clock;

    public LogTaskHoursService(ProjectRepository projects, TaskRepository tasks, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Runs under the project's lock, so concurrent logs add up instead of conflicting. */
    @Override
    @Transactional
    @Rerunnable
    public Task logHours(Command command) {
        WorkspaceAccess.LockedTask locked =
                WorkspaceAccess.lockTask(projects, tasks, command.actor(), command.taskId());
        WorkspaceAccess.requireContributor(command.actor());
        locked.task().logHours(command.hours(), clock);
        return tasks.save(locked.task());
    }
}
