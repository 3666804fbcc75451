package io.strata.domain.content;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

public record StoredFileId(UUID value) implements Identifier {
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
