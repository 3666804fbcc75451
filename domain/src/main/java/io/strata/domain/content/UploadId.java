package io.strata.domain.content;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

/** A resumable upload; also the key of its partial bytes in the blob store. */
public record UploadId(UUID value) implements Identifier {
    public UploadId {
        Objects.requireNonNull(value, "upload id");
    }

    public static UploadId newId() {
        return new UploadId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
