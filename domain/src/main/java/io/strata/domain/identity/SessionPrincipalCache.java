package io.strata.domain.identity;

import io.strata.domain.shared.model.OutboundPort;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: the session principals this instance resolved recently, so that authenticating a request usually costs no
 * database work at all. {@link SessionRepository#findPrincipal} fills it; every change to a session or to its user's
 * role or status drops the entry on every instance when the change commits, and a revocation drops it on this
 * instance at once. Reading it never touches the database.
 */
@OutboundPort
public interface SessionPrincipalCache {
    /** The cached principal of this token hash; empty when not cached or while invalidations cannot be received. */
    Optional<SessionPrincipal> find(String tokenHash);

    /**
     * After lastSeenAt was written at {@code at}: this instance's copy, if it is still the one {@code read}, now
     * carries it, so the next request neither reloads it nor touches again. lastSeenAt is a hint: no other instance
     * is told.
     */
    void seen(String tokenHash, SessionPrincipal read, Instant at);
}
