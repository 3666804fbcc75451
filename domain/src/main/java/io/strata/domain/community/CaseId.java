package io.strata.domain.community;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

public record CaseId(UUID value) implements Identifier {
    public CaseId {
        Objects.requireNonNull(value, "case id");
    }

    public static CaseId newId() {
        return new CaseId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
