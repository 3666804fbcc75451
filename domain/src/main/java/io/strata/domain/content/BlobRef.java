package io.strata.domain.content;

import io.strata.domain.shared.error.ValidationException;
import java.util.Objects;

/** What a file's bytes are: their digest and size (the blob they live in). */
public record BlobRef(Sha256 sha256, long sizeBytes) {
    public BlobRef {
        Objects.requireNonNull(sha256, "sha256");
        if (sizeBytes < 0) {
            throw new ValidationException("sizeBytes", "must not be negative");
        }
    }
}
