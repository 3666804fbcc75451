package io.strata.application.content;

import io.strata.domain.content.BlobStore;
import io.strata.domain.content.ResumableUpload;
import io.strata.domain.content.ResumableUploads;
import io.strata.domain.content.StoredFile;
import io.strata.domain.content.UploadId;
import io.strata.domain.shared.error.NotFoundException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A complete upload becomes a file in one transaction: the upload row goes (whoever removes it first completes
 * it; a second completion finds nothing: 404) and the file is registered as a plain upload's is (promotion under
 * the blob's lock, reference counted, deduplicated). Also the upload row's other short transactions: the bytes are
 * appended between them, outside any.
 */
@Singleton
public class UploadCompletion {
    private final ResumableUploads uploads;
    private final BlobRegistration registration;

    public UploadCompletion(ResumableUploads uploads, BlobRegistration registration) {
        this.uploads = uploads;
        this.registration = registration;
    }

    @Transactional
    public void add(ResumableUpload upload) {
        uploads.add(upload);
    }

    @Transactional
    public Optional<ResumableUpload> find(UploadId id) {
        return uploads.find(id);
    }

    @Transactional
    public boolean extend(UploadId id, Instant expiresAt) {
        return uploads.extend(id, expiresAt);
    }

    @Transactional
    public List<UploadId> removeExpired(Instant now, int limit) {
        return uploads.removeExpired(now, limit);
    }

    @Transactional
    public StoredFile complete(ResumableUpload upload, BlobStore.Staged staged) {
        if (!uploads.remove(upload.id())) {
            throw new NotFoundException("upload", upload.id());
        }
        return registration.register(
                upload.ownerId(), upload.fileName(), upload.mimeType(), upload.visibility(), staged);
    }
}
