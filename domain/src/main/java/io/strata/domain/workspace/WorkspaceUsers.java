package io.strata.domain.workspace;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.user.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Port: which users exist, so that members and assignees are checked with a clear error (the
 * database's foreign keys check again). Keeps workspace from importing the identity context.
 */
@OutboundPort
public interface WorkspaceUsers {
    Set<UserId> existing(Collection<UserId> ids);

    /** Up to {@code limit} active users, newest first: people for sample projects. */
    List<UserId> sample(int limit);
}
