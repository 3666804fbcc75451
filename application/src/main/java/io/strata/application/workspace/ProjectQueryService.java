package io.strata.application.workspace;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.ProjectProgress;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.TaskRepository;
import jakarta.inject.Singleton;

@Singleton
@ReadOnlyTransaction
public class ProjectQueryService implements ProjectQueries {
    private final ProjectRepository projects;
    private final TaskRepository tasks;
    private final Clock clock;

    public ProjectQueryService(ProjectRepository projects, TaskRepository tasks, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public Project get(Actor actor, ProjectId id) {
        return WorkspaceAccess.visible(actor, projects.findById(id), id);
    }

    @Override
    public ProjectWithTaskPage getWithTasks(Actor actor, ProjectId id, PageRequest taskPage) {
        Project project = WorkspaceAccess.visible(actor, projects.findById(id), id);
        return new ProjectWithTaskPage(
                project, tasks.searchInProject(id, SearchCriteria.none(), taskPage, clock.today()));
    }

    @Override
    public Page<Project> search(Actor actor, SearchCriteria criteria, PageRequest page) {
        return projects.search(criteria, page, actor.isAdmin() ? null : actor.userId());
    }

    @Override
    public ProjectProgress progress(Actor actor, ProjectId id) {
        WorkspaceAccess.visible(actor, projects.findById(id), id);
        return projects.progress(id, clock.today());
    }
}
