package io.strata.application.content;

import io.strata.domain.content.BlobStore;
import io.strata.domain.content.StoredFile;
import io.strata.domain.shared.error.TooLargeException;
import io.strata.domain.shared.error.ValidationException;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Stages the body outside any transaction (a slow client holds no connection), then registers it in one
 * ({@link BlobRegistration}). Staged bytes are always discarded afterwards: promoted ones were moved away.
 */
@Singleton
public class UploadFileService implements UploadFileUseCase {
    private final BlobStore blobs;
    private final BlobRegistration registration;
    private final ContentPolicy policy;

    public UploadFileService(BlobStore blobs, BlobRegistration registration, ContentPolicy policy) {
        this.blobs = blobs;
        this.registration = registration;
        this.policy = policy;
    }

    @Override
    public StoredFile upload(Command command) {
        String name = StoredFile.name(command.name()); // before reading a byte
        String mimeType = StoredFile.mimeType(command.mimeType());
        if (command.declaredBytes() > policy.maxFileBytes()) {
            throw new TooLargeException("file", policy.maxFileBytes()); // refused before reading a byte
        }
        BlobStore.Staged staged;
        try {
            staged = blobs.stage(command.body(), policy.maxFileBytes());
        } catch (BlobStore.LimitExceeded e) {
            throw new TooLargeException("file", e.limitBytes());
        } catch (IOException e) {
            throw new ValidationException("body", "could not be read completely: " + e.getMessage());
        }
        try {
            if (command.expectedSha256() != null && !command.expectedSha256().equals(staged.sha256())) {
                throw new ValidationException(
                        "Content-Digest", "sha-256 does not match the body (the body's is " + staged.sha256() + ")");
            }
            return registration.register(command.actor().userId(), name, mimeType, command.visibility(), staged);
        } finally {
            blobs.discard(staged);
        }
    }
}
