package io.strata.application.content;

import io.strata.domain.content.BlobStore;
import io.strata.domain.content.ResumableUpload;
import io.strata.domain.content.StoredFile;
import io.strata.domain.content.UploadId;
import io.strata.domain.content.Visibility;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.TooLargeException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The upload row is read and written in short transactions of its own; the bytes are appended outside any (a slow
 * client holds no connection). Completion is {@link UploadCompletion}'s one transaction.
 */
@Singleton
public class ResumableUploadService implements ResumableUploadUseCase {
    private final BlobStore blobs;
    private final UploadCompletion completion;
    private final ContentPolicy policy;
    private final Clock clock;

    public ResumableUploadService(BlobStore blobs, UploadCompletion completion, ContentPolicy policy, Clock clock) {
        this.blobs = blobs;
        this.completion = completion;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public long maxBytes() {
        return policy.maxFileBytes();
    }

    @Override
    public Status create(Actor actor, long lengthBytes, String fileName, String mimeType, Visibility visibility) {
        if (lengthBytes > policy.maxFileBytes()) {
            throw new TooLargeException("Upload-Length", policy.maxFileBytes());
        }
        ResumableUpload upload = ResumableUpload.start(
                actor.userId(), lengthBytes, fileName, mimeType, visibility, clock.now(), policy.uploadExpiry());
        try {
            blobs.createPartial(upload.id());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start upload " + upload.id(), e);
        }
        completion.add(upload);
        return new Status(upload.id(), 0, upload.lengthBytes(), upload.expiresAt(), null);
    }

    @Override
    public Status status(Actor actor, UploadId id) {
        ResumableUpload upload = visible(actor, id);
        return new Status(id, received(upload), upload.lengthBytes(), upload.expiresAt(), null);
    }

    @Override
    public Status append(Actor actor, UploadId id, long offset, InputStream body) {
        ResumableUpload upload = visible(actor, id);
        if (offset < 0) {
            throw new ValidationException("Upload-Offset", "must not be negative");
        }
        long size;
        try {
            size = blobs.append(id, offset, body, upload.lengthBytes() - offset);
        } catch (BlobStore.OffsetConflict e) {
            throw new ConflictException("Upload-Offset " + offset + " is not the upload's offset " + e.currentSize()
                    + " (or another request is appending)");
        } catch (BlobStore.LimitExceeded e) {
            throw new TooLargeException("Upload-Length", upload.lengthBytes());
        } catch (IOException e) {
            // the client went away or sent less than announced: what arrived is kept, HEAD tells where to resume
            throw new ValidationException("body", "could not be read completely: " + e.getMessage());
        }
        if (size < upload.lengthBytes()) {
            ResumableUpload extended = extend(upload);
            return new Status(id, size, upload.lengthBytes(), extended.expiresAt(), null);
        }
        BlobStore.Staged staged;
        try {
            staged = blobs.finish(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash upload " + id, e);
        }
        try {
            StoredFile file = completion.complete(upload, staged);
            return new Status(id, size, upload.lengthBytes(), upload.expiresAt(), file.id());
        } finally {
            blobs.discard(staged);
        }
    }

    private ResumableUpload extend(ResumableUpload upload) {
        ResumableUpload extended = new ResumableUpload(
                upload.id(),
                upload.ownerId(),
                upload.lengthBytes(),
                upload.fileName(),
                upload.mimeType(),
                upload.visibility(),
                upload.createdAt(),
                clock.now().plus(policy.uploadExpiry()));
        if (!completion.extend(upload.id(), extended.expiresAt())) {
            throw new NotFoundException("upload", upload.id());
        }
        return extended;
    }

    /** The creator's live upload; anyone else, or an expired or completed one: 404. */
    private ResumableUpload visible(Actor actor, UploadId id) {
        return completion
                .find(id)
                .filter(upload -> upload.ownedBy(actor.userId()))
                .filter(upload -> !upload.expiredAt(clock.now()))
                .orElseThrow(() -> new NotFoundException("upload", id));
    }

    private long received(ResumableUpload upload) {
        try {
            return Math.max(0, blobs.partialSize(upload.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot size upload " + upload.id(), e);
        }
    }
}
