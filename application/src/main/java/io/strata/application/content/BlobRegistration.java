package io.strata.application.content;

import io.strata.domain.content.BlobReferences;
import io.strata.domain.content.BlobStore;
import io.strata.domain.content.Sha256;
import io.strata.domain.content.StoredFile;
import io.strata.domain.content.StoredFileRepository;
import io.strata.domain.content.Visibility;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The transactional half of an upload: under the blob's lock, the staged bytes are promoted under their digest
 * (a no-op when already stored), the blob's reference count goes up and the file row is inserted, all in one
 * transaction. The lock is what the sweeper takes before deleting bytes, so bytes are never deleted between
 * this promotion and the commit of the reference.
 */
@Singleton
public class BlobRegistration {
    private final BlobStore blobs;
    private final BlobReferences references;
    private final StoredFileRepository files;
    private final Clock clock;

    public BlobRegistration(BlobStore blobs, BlobReferences references, StoredFileRepository files, Clock clock) {
        this.blobs = blobs;
        this.references = references;
        this.files = files;
        this.clock = clock;
    }

    @Transactional
    public StoredFile register(
            UserId owner, String name, String mimeType, Visibility visibility, BlobStore.Staged staged) {
        references.lock(staged.sha256());
        try {
            blobs.promote(staged);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store blob " + staged.sha256(), e);
        }
        references.acquire(staged.ref());
        return files.add(StoredFile.create(owner, name, mimeType, staged.ref(), visibility, clock));
    }

    /** Removes the rows of blobs unreferenced since before {@code zeroBefore}; their bytes go after this commits. */
    @Transactional
    public List<Sha256> removeUnreferenced(Instant zeroBefore, int limit) {
        return references.removeUnreferenced(zeroBefore, limit);
    }

    /**
     * Deletes the bytes of a blob whose row the sweeper removed (committed), unless a new upload of the same
     * content has created the row again meanwhile. Runs under the blob's lock, so no promotion interleaves.
     */
    @Transactional
    public boolean deleteBytesIfUnreferenced(Sha256 sha256) {
        references.lock(sha256);
        if (references.exists(sha256)) {
            return false;
        }
        try {
            blobs.delete(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete blob " + sha256, e);
        }
        return true;
    }
}
