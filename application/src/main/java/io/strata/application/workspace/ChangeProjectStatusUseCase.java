package io.strata.application.workspace;

import io.strata.application.shared.UseCase;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.ProjectStatus;

/** Moves a project to a status; COMPLETED only when every task is DONE or CANCELLED. */
@UseCase
public interface ChangeProjectStatusUseCase {
    Project changeStatus(Command command);

    /** {@code expectedVersion} is optional (null: change whatever the current version). */
    record Command(Actor actor, ProjectId projectId, ProjectStatus status, Long expectedVersion) {}
}
