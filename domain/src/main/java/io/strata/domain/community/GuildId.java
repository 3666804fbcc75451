package io.strata.domain.community;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

public record GuildId(UUID value) implements Identifier {
    public GuildId {
        Objects.requireNonNull(value, "guild id");
    }

    public static GuildId newId() {
        return new GuildId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
