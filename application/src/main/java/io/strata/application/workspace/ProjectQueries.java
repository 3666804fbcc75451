package io.strata.application.workspace;

import io.strata.application.shared.Query;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.ProjectProgress;
import io.strata.domain.workspace.Task;

/** Reads of projects: members and ADMIN see a project; to anyone else it does not exist. */
@Query
public interface ProjectQueries {
    Project get(Actor actor, ProjectId id);

    /** The project and the first page of its tasks, read in one transaction (one consistent snapshot). */
    ProjectWithTaskPage getWithTasks(Actor actor, ProjectId id, PageRequest taskPage);

    /** Projects the actor is a member of (ADMIN: all). */
    Page<Project> search(Actor actor, SearchCriteria criteria, PageRequest page);

    ProjectProgress progress(Actor actor, ProjectId id);

    record ProjectWithTaskPage(Project project, Page<Task> tasks) {}
}
