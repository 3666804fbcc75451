package io.strata.adapters.web.workspace;

import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.TaskId;
import java.util.UUID;

/** Workspace's ids (and the user ids it refers to) as responses show them; MapStruct picks these by type. */
final class WorkspaceWebMappings {
    private WorkspaceWebMappings() {}

    static UUID uuid(ProjectId id) {
        return id == null ? null : id.value();
    }

    static UUID uuid(TaskId id) {
        return id == null ? null : id.value();
    }

    static UUID uuid(UserId id) {
        return id == null ? null : id.value();
    }
}
