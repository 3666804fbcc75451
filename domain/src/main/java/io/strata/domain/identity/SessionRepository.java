package io.strata.domain.identity;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: login sessions, looked up by the SHA-256 of their bearer token. Storing a session appends the events it
 * recorded to the outbox; the bulk revocations record a {@link SessionRevoked} per session they revoke.
 */
@OutboundPort
public interface SessionRepository {
    Session add(Session session);

    Session save(Session session);

    Optional<Session> findById(SessionId id);

    /** The session with this token hash and its user's role and status, in one query. */
    Optional<SessionPrincipal> findPrincipal(String tokenHash);

    /**
     * Sets lastSeenAt atomically without a version check (many requests share one session and must
     * not conflict); a no-op when the stored lastSeenAt is already later.
     */
    void markSeen(SessionId id, Instant at);

    /** Unrevoked, unexpired sessions of a user, newest first. */
    List<Session> findActiveByUser(UserId userId, Instant now);

    /**
     * Revokes every active session of the user except {@code keep} (may be null), recording a
     * {@link SessionRevoked} for each; returns the count.
     */
    int revokeAllExcept(UserId userId, SessionId keep, Instant now);

    /**
     * Revokes every active session of these users in one statement, recording a {@link SessionRevoked} for each;
     * returns the count.
     */
    int revokeAllOf(java.util.Collection<UserId> userIds, Instant now);
}
