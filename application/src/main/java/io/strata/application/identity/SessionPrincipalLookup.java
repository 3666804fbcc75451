package io.strata.application.identity;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.identity.SessionId;
import io.strata.domain.identity.SessionPrincipal;
import io.strata.domain.identity.SessionRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * The database steps of authentication, each its own short transaction on the primary (a session created a moment
 * ago must be found, so never on a replica): the lookup on a cache miss and the coalesced lastSeenAt touch.
 */
@Singleton
public class SessionPrincipalLookup {
    private final SessionRepository sessions;

    public SessionPrincipalLookup(SessionRepository sessions) {
        this.sessions = sessions;
    }

    /** The session with this token hash and its user's role and status (and fills the cache). */
    @Transactional
    public Optional<SessionPrincipal> find(String tokenHash) {
        return sessions.findPrincipal(tokenHash);
    }

    /** Only the session's row changes, so it may run on the platform's cheapest transaction ({@link Rerunnable}). */
    @Transactional
    @Rerunnable
    public void markSeen(SessionId id, Instant at) {
        sessions.markSeen(id, at);
    }
}
