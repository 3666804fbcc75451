package io.strata.application.workspace;

import io.strata.application.shared.Query;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;

/** Reads of tasks, visible to the members of their project (and ADMIN). */
@Query
public interface TaskQueries {
    Task get(Actor actor, TaskId id);

    Page<Task> inProject(Actor actor, ProjectId projectId, SearchCriteria criteria, PageRequest page);

    /** Tasks assigned to the actor, across projects. */
    Page<Task> mine(Actor actor, SearchCriteria criteria, PageRequest page);
}
