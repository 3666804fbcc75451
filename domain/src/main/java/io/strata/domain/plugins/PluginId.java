package io.strata.domain.plugins;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

/** A plugin's row id: the aggregate id the outbox numbers events by. Clients may also name a plugin by its slug. */
public record PluginId(UUID value) implements Identifier {
    public PluginId {
        Objects.requireNonNull(value, "plugin id");
    }

    public static PluginId newId() {
        return new PluginId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
