package io.strata.domain.ai;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

public record AiInteractionId(UUID value) implements Identifier {
    public AiInteractionId {
        Objects.requireNonNull(value, "interaction id");
    }

    public static AiInteractionId newId() {
        return new AiInteractionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
