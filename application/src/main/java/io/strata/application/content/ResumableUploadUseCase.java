package io.strata.application.content;

import io.strata.application.shared.UseCase;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.content.UploadId;
import io.strata.domain.content.Visibility;
import io.strata.domain.shared.user.Actor;
import java.io.InputStream;
import java.time.Instant;

/**
 * Resumable uploads (the tus 1.0 core protocol's use cases): create one with its length (over the maximum: 413)
 * and file metadata; ask how many bytes arrived; append at exactly that offset (409 otherwise), the bytes streamed
 * (memory bounded); the append that completes it hashes the bytes and stores the file through the same path as a
 * plain upload (dedup by digest, reference counted). Only the creator sees an upload (404 for anyone else, also
 * once it completed or expired). Each append extends the expiry.
 */
@UseCase
public interface ResumableUploadUseCase {
    Status create(Actor actor, long lengthBytes, String fileName, String mimeType, Visibility visibility);

    Status status(Actor actor, UploadId id);

    /** Appends {@code body} at {@code offset}; the result names the stored file once the upload is complete. */
    Status append(Actor actor, UploadId id, long offset, InputStream body);

    /** Largest upload accepted ({@code Tus-Max-Size}). */
    long maxBytes();

    /** @param file the stored file once complete, else null */
    record Status(UploadId id, long offsetBytes, long lengthBytes, Instant expiresAt, StoredFileId file) {}
}
