package io.strata.domain.community;

import java.util.Objects;
import java.util.UUID;

public record GuildId(UUID value) {
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
