package io.strata.application.workspace;

import io.strata.application.shared.UseCase;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectId;

/** Applies a merge patch to a project at an expected version (owner, MANAGER members, ADMIN). */
@UseCase
public interface UpdateProjectUseCase {
    Project update(Command command);

    record Command(Actor actor, ProjectId projectId, long expectedVersion, ProjectPatch patch) {}
}
