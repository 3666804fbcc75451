package io.strata.application.workspace;

import io.strata.application.shared.UseCase;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectId;

/** Adds an existing user to a project's members (owner, MANAGER members, ADMIN). */
@UseCase
public interface AddProjectMemberUseCase {
    Project addMember(Command command);

    record Command(Actor actor, ProjectId projectId, UserId userId) {}
}
