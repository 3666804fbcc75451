package io.strata.application.workspace;

import io.strata.domain.shared.Actor;
import io.strata.domain.shared.Page;
import io.strata.domain.shared.PageRequest;
import io.strata.domain.shared.SearchCriteria;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.ProjectProgress;

/** Reads of projects: members and ADMIN see a project; to anyone else it does not exist. */
public interface ProjectQueries {
    Project get(Actor actor, ProjectId id);

    /** Projects the actor is a member of (ADMIN: all). */
    Page<Project> search(Actor actor, SearchCriteria criteria, PageRequest page);

    ProjectProgress progress(Actor actor, ProjectId id);
}
