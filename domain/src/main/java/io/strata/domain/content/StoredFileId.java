package io.strata.domain.content;

import java.util.Objects;
import java.util.UUID;

public record StoredFileId(UUID value) {
    public StoredFileId {
        Objects.requireNonNull(value, "file id");
    }

    public static StoredFileId newId() {
        return new StoredFileId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
