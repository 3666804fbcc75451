package io.strata.domain.content;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

public record DocumentId(UUID value) implements Identifier {
    public DocumentId {
        Objects.requireNonNull(value, "document id");
    }

    public static DocumentId newId() {
        return new DocumentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
