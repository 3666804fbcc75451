package io.strata.domain.content;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A resumable upload (tus 1.0): its creator, the length announced at creation, the file it becomes (name, media
 * type, visibility) and until when it may be continued. Its bytes received so far are a partial in the blob store
 * under the same id; complete, it becomes a {@link StoredFile} and this record goes.
 */
public record ResumableUpload(
        UploadId id,
        UserId ownerId,
        long lengthBytes,
        String fileName,
        String mimeType,
        Visibility visibility,
        Instant createdAt,
        Instant expiresAt) {

    public ResumableUpload {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(visibility, "visibility");
        if (lengthBytes < 0) {
            throw new ValidationException("Upload-Length", "must not be negative");
        }
        fileName = StoredFile.name(fileName);
        mimeType = StoredFile.mimeType(mimeType);
    }

    public static ResumableUpload start(
            UserId ownerId,
            long lengthBytes,
            String fileName,
            String mimeType,
            Visibility visibility,
            Instant now,
            Duration expiry) {
        return new ResumableUpload(
                UploadId.newId(),
                ownerId,
                lengthBytes,
                fileName,
                mimeType,
                visibility == null ? Visibility.PRIVATE : visibility,
                now,
                now.plus(expiry));
    }

    public boolean ownedBy(UserId user) {
        return ownerId.equals(user);
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
