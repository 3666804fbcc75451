package io.strata.domain.plugins;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

/** A row of the security-violation ledger. */
public record ViolationId(UUID value) implements Identifier {
    public ViolationId {
        Objects.requireNonNull(value, "violation id");
    }

    public static ViolationId newId() {
        return new ViolationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
