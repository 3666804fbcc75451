package io.strata.domain.community;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

public record MemberId(UUID value) implements Identifier {
    public MemberId {
        Objects.requireNonNull(value, "member id");
    }

    public static MemberId newId() {
        return new MemberId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
