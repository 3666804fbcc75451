package io.strata.application.shared;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: remembered responses of creating requests, keyed by the client's {@code Idempotency-Key}
 * (scoped per caller). Stored in PostgreSQL with an expiry.
 */
public interface IdempotencyStore {
    /**
     * Claims {@code key} for a request whose body hashes to {@code requestHash}. Returns empty when
     * the claim is new (the caller must then {@link #complete} or {@link #release} it), or the
     * existing record otherwise (completed, or still in progress).
     */
    Optional<IdempotencyRecord> claim(String scope, String key, String requestHash, Instant now, Instant expiresAt);

    void complete(String scope, String key, int status, String contentType, byte[] body, String headersJson);

    /** Forgets a claim whose request failed, so that a retry runs again. */
    void release(String scope, String key);

    /** Deletes expired records; returns how many. */
    int purgeExpired(Instant now);

    record IdempotencyRecord(String requestHash, boolean completed, int status, String contentType, byte[] body,
                             String headersJson) {
    }
}
