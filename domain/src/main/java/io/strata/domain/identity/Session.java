package io.strata.domain.identity;

import io.strata.domain.shared.model.AggregateRoot;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A login. The bearer token itself is never stored: only its SHA-256 ({@code tokenHash}).
 */
public final class Session extends AggregateRoot {
    private final SessionId id;
    private final UserId userId;
    private final String tokenHash;
    private final ClientInfo client;
    private final Instant expiresAt;
    private Instant lastSeenAt;
    private Instant revokedAt;
    private AuditStamp stamp;

    private Session(
            SessionId id,
            UserId userId,
            String tokenHash,
            ClientInfo client,
            Instant expiresAt,
            Instant lastSeenAt,
            Instant revokedAt,
            AuditStamp stamp) {
        this.id = id;
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.client = client == null ? new ClientInfo(null, null, null) : client;
        this.expiresAt = expiresAt;
        this.lastSeenAt = lastSeenAt;
        this.revokedAt = revokedAt;
        this.stamp = stamp;
    }

    /** A new session for {@code client} (checked with {@link ClientInfo#of}), expiring after {@code ttl}. */
    public static Session start(UserId userId, String tokenHash, ClientInfo client, Duration ttl, Clock clock) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(client, "client");
        if (tokenHash == null || !tokenHash.matches("^[0-9a-f]{64}$")) {
            throw new IllegalArgumentException("tokenHash must be a hex SHA-256");
        }
        Instant now = clock.now();
        Session session = new Session(
                SessionId.newId(), userId, tokenHash, client, now.plus(ttl), now, null, AuditStamp.createdAt(now));
        session.record(new SessionStarted(session.id, userId, session.expiresAt, now));
        return session;
    }

    /** Loads a stored session: no validation, no events. */
    public static Session reconstitute(
            SessionId id,
            UserId userId,
            String tokenHash,
            ClientInfo client,
            Instant expiresAt,
            Instant lastSeenAt,
            Instant revokedAt,
            AuditStamp stamp) {
        return new Session(id, userId, tokenHash, client, expiresAt, lastSeenAt, revokedAt, stamp);
    }

    public boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Idempotent: revoking a revoked session keeps the first revocation time. */
    public void revoke(Clock clock) {
        if (revokedAt == null) {
            revokedAt = clock.now();
            stamp = stamp.touchedAt(revokedAt);
            record(new SessionRevoked(id, userId, revokedAt));
        }
    }

    /** A copy of this session last seen at {@code at} (or later, if it was): the rest the same, no events. */
    public Session seenAt(Instant at) {
        Instant seen = lastSeenAt != null && lastSeenAt.isAfter(at) ? lastSeenAt : at;
        return new Session(id, userId, tokenHash, client, expiresAt, seen, revokedAt, stamp);
    }

    /** True when lastSeenAt is older than {@code granularity}, so the caller should record a new sighting. */
    public boolean needsTouch(Instant now, Duration granularity) {
        return lastSeenAt == null || Duration.between(lastSeenAt, now).compareTo(granularity) >= 0;
    }

    public SessionId id() {
        return id;
    }

    public UserId userId() {
        return userId;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public ClientInfo client() {
        return client;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public AuditStamp stamp() {
        return stamp;
    }

    // shortcuts into the value objects above
    public Map<String, Object> deviceInfo() {
        return client.deviceInfo();
    }

    public String ipAddress() {
        return client.ipAddress();
    }

    public String userAgent() {
        return client.userAgent();
    }

    public long version() {
        return stamp.version();
    }

    public Instant createdAt() {
        return stamp.createdAt();
    }

    public Instant updatedAt() {
        return stamp.updatedAt();
    }
}
