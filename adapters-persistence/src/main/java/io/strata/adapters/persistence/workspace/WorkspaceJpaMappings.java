package io.strata.adapters.persistence.workspace;

import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.TaskId;
import java.util.UUID;

/** Workspace's ids (and the user ids it refers to) to and from columns; MapStruct picks them by type. */
interface WorkspaceJpaMappings {

    default UUID uuid(ProjectId id) {
        return id == null ? null : id.value();
    }

    default ProjectId projectId(UUID id) {
        return id == null ? null : new ProjectId(id);
    }

    default UUID uuid(TaskId id) {
        return id == null ? null : id.value();
    }

    default TaskId taskId(UUID id) {
        return id == null ? null : new TaskId(id);
    }

    default UUID uuid(UserId id) {
        return id == null ? null : id.value();
    }

    default UserId userId(UUID id) {
        return id == null ? null : new UserId(id);
    }
}
