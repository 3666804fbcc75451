package io.strata.domain.content;

import io.strata.domain.shared.model.OutboundPort;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: the content-addressed byte store. Bytes are first staged (streamed in while hashed, never visible
 * under their digest until promoted), then promoted under their digest while the caller holds the blob's lock
 * ({@link BlobReferences#lock}), or discarded. Memory stays bounded whatever the size: adapters stream.
 *
 * <p>A resumable upload stages its bytes over several requests: a <em>partial</em> under the upload's id, appended
 * at its current size, then {@link #finish finished} (hashed) into a {@link Staged} like {@link #stage}'s. Every
 * adapter passes the same contract test ({@code BlobStoreContract}).
 */
@OutboundPort
public interface BlobStore {
    /**
     * Streams {@code in} to a staging area while computing its SHA-256. More than {@code maxBytes} bytes: the
     * staged bytes are discarded and {@link LimitExceeded} thrown.
     */
    Staged stage(InputStream in, long maxBytes) throws IOException;

    /** Makes staged bytes readable under their digest (durably); a no-op when the digest is already stored. */
    void promote(Staged staged) throws IOException;

    /** Forgets staged bytes (after promotion, or on failure). Never throws. */
    void discard(Staged staged);

    /** The bytes from {@code offset} on, or empty when the digest is not stored. The caller closes the stream. */
    Optional<InputStream> open(Sha256 sha256, long offset) throws IOException;

    boolean contains(Sha256 sha256) throws IOException;

    /** Deletes the bytes of the digest (no-op when absent). Only the sweeper calls this, under the blob's lock. */
    void delete(Sha256 sha256) throws IOException;

    /** Starts an empty partial under {@code upload} (idempotent). */
    void createPartial(UploadId upload) throws IOException;

    /**
     * Bytes appended to the partial so far; for an unknown partial -1, or 0 where the store cannot tell it from an
     * empty one (the application knows its uploads).
     */
    long partialSize(UploadId upload) throws IOException;

    /**
     * Appends {@code in} to the partial, which must hold exactly {@code offset} bytes with no other append under way
     * ({@link OffsetConflict} otherwise). At most {@code maxBytes} more bytes are accepted: beyond, what fitted is
     * kept and {@link LimitExceeded} thrown. When {@code in} fails mid-way (the client went away) the bytes received
     * so far are kept (durably) and the failure rethrown, so the client resumes from {@link #partialSize}.
     *
     * @return the partial's new size
     */
    long append(UploadId upload, long offset, InputStream in, long maxBytes) throws IOException;

    /** Hashes the complete partial; the result is promoted and discarded like {@link #stage}'s. */
    Staged finish(UploadId upload) throws IOException;

    /** Forgets a partial (an expired or cancelled upload). Never throws. */
    void discardPartial(UploadId upload);

    /**
     * Forgets staged bytes and partials nothing has written to since {@code before} (left by a crashed process or
     * an upload nobody expired); never touches an addressable blob. Returns how many it removed.
     */
    int discardAbandoned(Instant before) throws IOException;

    /** Bytes staged and hashed, not yet addressable. {@code handle} is the adapter's own reference. */
    record Staged(Object handle, Sha256 sha256, long sizeBytes) {
        public BlobRef ref() {
            return new BlobRef(sha256, sizeBytes);
        }
    }

    /** A partial's append did not start at its current size, or raced with another append. */
    final class OffsetConflict extends IOException {
        private final long currentSize;

        public OffsetConflict(long currentSize) {
            super("the upload holds " + currentSize + " bytes");
            this.currentSize = currentSize;
        }

        public long currentSize() {
            return currentSize;
        }
    }

    /** More bytes than the limit: nothing was kept (a partial keeps what fitted). */
    final class LimitExceeded extends IOException {
        private final long limitBytes;

        public LimitExceeded(long limitBytes) {
            super("more than " + limitBytes + " bytes");
            this.limitBytes = limitBytes;
        }

        public long limitBytes() {
            return limitBytes;
        }
    }
}
