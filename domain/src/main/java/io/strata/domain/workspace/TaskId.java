package io.strata.domain.workspace;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

public record TaskId(UUID value) implements Identifier {
    public TaskId {
        Objects.requireNonNull(value, "task id");
    }

    public static TaskId newId() {
        return new TaskId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
