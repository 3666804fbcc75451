package io.strata.application.shared.idempotency;

import io.strata.domain.shared.model.OutboundPort;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: remembered responses of creating requests, keyed by the client's {@code Idempotency-Key}
 * (scoped per caller). Stored in PostgreSQL with an expiry. Called only by the idempotency use cases
 * of this package, in their transactions.
 */
@OutboundPort
public interface IdempotencyStore {
    /**
     * How long a claim may stay in progress. A claim older than this is taken to belong to a request
     * that died (process crash) and may be claimed again, so a key is not blocked until it expires.
     * Far longer than any request may run.
     */
    Duration IN_PROGRESS_LEASE = Duration.ofMinutes(5);

    /**
     * Claims {@code key} for a request whose body hashes to {@code requestHash}. Returns empty when
     * the claim is new, or replaces an expired record or an in-progress claim older than
     * {@link #IN_PROGRESS_LEASE} (the caller must then {@link #complete} or {@link #release} it);
     * otherwise returns the existing record (completed, or still in progress).
     */
    Optional<IdempotencyRecord> claim(String scope, String key, String requestHash, Instant now, Instant expiresAt);

    void complete(String scope, String key, int status, String contentType, byte[] body, String headersJson);

    /** Forgets a claim whose request failed, so that a retry runs again. */
    void release(String scope, String key);

    /** Deletes expired records; returns how many. */
    int purgeExpired(Instant now);

    record IdempotencyRecord(
            String requestHash, boolean completed, int status, String contentType, byte[] body, String headersJson) {}
}
