package io.strata.domain.identity;

import io.strata.domain.shared.user.Role;
import java.time.Instant;

/** What authentication needs from one lookup: the session and its user's current role and status. */
public record SessionPrincipal(Session session, Role role, UserStatus status) {
    /** The same principal, its session last seen at {@code at}. */
    public SessionPrincipal seenAt(Instant at) {
        return new SessionPrincipal(session.seenAt(at), role, status);
    }
}
