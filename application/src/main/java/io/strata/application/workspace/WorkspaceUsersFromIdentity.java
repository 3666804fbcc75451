package io.strata.application.workspace;

import io.strata.application.identity.api.UserDirectory;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.WorkspaceUsers;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * {@link WorkspaceUsers} answered by identity's published API ({@link UserDirectory}): the one place
 * where workspace depends on identity, and only on that API, never on identity's tables or domain.
 */
@Singleton
public class WorkspaceUsersFromIdentity implements WorkspaceUsers {
    private final UserDirectory directory;

    public WorkspaceUsersFromIdentity(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Set<UserId> existing(Collection<UserId> ids) {
        return ids.isEmpty() ? Set.of() : directory.existing(ids);
    }

    @Override
    public List<UserId> sample(int limit) {
        return limit < 1 ? List.of() : directory.newestActive(limit);
    }
}
