package io.strata.domain.workspace;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

public record ProjectId(UUID value) implements Identifier {
    public ProjectId {
        Objects.requireNonNull(value, "project id");
    }

    public static ProjectId newId() {
        return new ProjectId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
