package io.strata.application.workspace;

import io.strata.application.shared.UseCase;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectId;

/** Removes a member (not the owner; not while they have open tasks) at an expected project version. */
@UseCase
public interface RemoveProjectMemberUseCase {
    Project removeMember(Command command);

    record Command(Actor actor, ProjectId projectId, UserId userId, long expectedVersion) {}
}
