package io.strata.domain.shared.user;

import io.strata.domain.shared.error.ForbiddenException;
import java.util.Objects;
import java.util.UUID;

/** Who performs a use case: the authenticated user's id and role, or the system itself. */
public record Actor(UserId userId, Role role) {
    private static final UserId SYSTEM_ID = new UserId(new UUID(0L, 0L));

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    /** Startup and maintenance jobs act as the system with admin rights. */
    public static Actor system() {
        return new Actor(SYSTEM_ID, Role.ADMIN);
    }

    /** Whether this is {@link #system()}: a check made on every request, so without making one to compare. */
    public boolean isSystem() {
        return role == Role.ADMIN && userId.value().equals(SYSTEM_ID.value());
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The check every ADMIN-only use case makes first; {@code action} completes "only an ADMIN may ...". */
    public void requireAdmin(String action) {
        if (!isAdmin()) {
            throw new ForbiddenException("only an ADMIN may " + action);
        }
    }

    /** Admins and managers may read other users' data. */
    public boolean canReadOthers() {
        return role == Role.ADMIN || role == Role.MANAGER;
    }

    public boolean is(UserId id) {
        return userId.equals(id);
    }
}
