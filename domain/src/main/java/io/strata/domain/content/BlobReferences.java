package io.strata.domain.content;

import io.strata.domain.shared.model.OutboundPort;
import java.time.Instant;
import java.util.List;

/**
 * Port: the reference counts of the blobs (one row per digest), changed in the caller's transaction, in the
 * same transaction as the file rows that use them. Every method that changes a count first takes the blob's
 * lock ({@link #lock}), which also serializes a new upload of the same content with the sweeper removing
 * bytes, so bytes are never deleted while a committed file refers to them.
 */
@OutboundPort
public interface BlobReferences {
    /** Locks the digest until the transaction ends (the blob row need not exist yet). */
    void lock(Sha256 sha256);

    /** One more reference: creates the row at 1 or increments it (and clears {@code zeroSince}). */
    void acquire(BlobRef blob);

    /** One reference fewer; at 0 the row remembers since when ({@code now}). */
    void release(Sha256 sha256, Instant now);

    /** Whether a row exists for the digest (any count). */
    boolean exists(Sha256 sha256);

    /** Current count, or -1 without a row. */
    long count(Sha256 sha256);

    /**
     * Deletes up to {@code limit} rows whose count has stayed 0 since before {@code zeroBefore}, skipping rows
     * another transaction holds, and returns their digests: their bytes may go once this commits.
     */
    List<Sha256> removeUnreferenced(Instant zeroBefore, int limit);
}
