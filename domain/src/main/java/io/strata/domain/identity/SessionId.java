package io.strata.domain.identity;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

public record SessionId(UUID value) implements Identifier {
    public SessionId {
        Objects.requireNonNull(value, "session id");
    }

    public static SessionId newId() {
        return new SessionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
