package io.strata.domain.ai;

import java.util.Objects;
import java.util.UUID;

public record AiInteractionId(UUID value) {
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
