package io.strata.bench.peer.security;

import io.strata.bench.peer.domain.Role;
import java.util.UUID;

/** The authenticated caller, the principal of the request's {@code Authentication}. */
public record CurrentUser(UUID id, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** ADMIN and MANAGER may read other users; USER and GUEST only themselves. */
    public boolean canReadOtherUsers() {
        return role == Role.ADMIN || role == Role.MANAGER;
    }
}
