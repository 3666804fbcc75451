package io.strata.application.workspace;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import io.strata.domain.workspace.TaskRepository;
import jakarta.inject.Singleton;

@Singleton
@ReadOnlyTransaction
public class TaskQueryService implements TaskQueries {
    private final ProjectRepository projects;
    private final TaskRepository tasks;
    private final Clock clock;

    public TaskQueryService(ProjectRepository projects, TaskRepository tasks, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public Task get(Actor actor, TaskId id) {
        Task task = tasks.findById(id).orElseThrow(() -> new NotFoundException("Task", id));
        projects.findById(task.projectId())
                .filter(p -> WorkspaceAccess.canSee(actor, p))
                .orElseThrow(() -> new NotFoundException("Task", id));
        return task;
    }

    @Override
    public Page<Task> inProject(Actor actor, ProjectId projectId, SearchCriteria criteria, PageRequest page) {
        WorkspaceAccess.visible(actor, projects.findById(projectId), projectId);
        return tasks.searchInProject(projectId, criteria, page, clock.today());
    }

    @Override
    public Page<Task> mine(Actor actor, SearchCriteria criteria, PageRequest page) {
        return tasks.searchAssignedTo(actor.userId(), criteria, page, clock.today());
    }
}
