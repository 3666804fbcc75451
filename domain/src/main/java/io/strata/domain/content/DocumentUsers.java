package io.strata.domain.content;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.user.UserId;

/** Port: does this user exist? So that a share names a real user with a clear 404 (the foreign key checks again). */
@OutboundPort
public interface DocumentUsers {
    boolean exists(UserId user);
}
