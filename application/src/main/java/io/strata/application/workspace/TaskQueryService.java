package io.strata.application.workspace;

import io.strata.application.shared.Transactions;
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
public class TaskQueryService implements TaskQueries {
    private final ProjectRepository projects;
    private final TaskRepository tasks;
    private final Transactions transactions;
    private final Clock clock;

    public TaskQueryService(ProjectRepository projects, TaskRepository tasks, Transactions transactions, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Task get(Actor actor, TaskId id) {
        return transactions.readOnly(() -> {
            Task task = tasks.findById(id).orElseThrow(() -> new NotFoundException("Task", id));
            projects.findById(task.projectId()).filter(p -> WorkspaceAccess.canSee(actor, p))
                    .orElseThrow(() -> new NotFoundException("Task", id));
            return task;
        });
    }

    @Override
    public Page<Task> inProject(Actor actor, ProjectId projectId, SearchCriteria criteria, PageRequest page) {
        return transactions.readOnly(() -> {
            WorkspaceAccess.visible(actor, projects.findById(projectId), projectId);
            return tasks.searchInProject(projectId, criteria, page, clock.today());
        });
    }

    @Override
    public Page<Task> mine(Actor actor, SearchCriteria criteria, PageRequest page) {
        return transactions.readOnly(() -> tasks.searchAssignedTo(actor.userId(), criteria, page, clock.today()));
    }
}
