package io.strata.domain.content;

import io.strata.domain.shared.model.OutboundPort;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Port: the content-addressed byte store. Bytes are first staged (streamed in while hashed, never visible
 * under their digest until promoted), then promoted under their digest while the caller holds the blob's lock
 * ({@link BlobReferences#lock}), or discarded. Memory stays bounded whatever the size: adapters stream.
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

    /** Bytes staged and hashed, not yet addressable. {@code handle} is the adapter's own reference. */
    record Staged(Object handle, Sha256 sha256, long sizeBytes) {
        public BlobRef ref() {
            return new BlobRef(sha256, sizeBytes);
        }
    }

    /** More bytes than the limit: nothing was kept. */
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
