package io.strata.domain.plugins;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;
import java.util.List;

/** A plugin was installed for the first time (or again after an uninstall). */
public record PluginInstalled(
        PluginId pluginId,
        String slug,
        String name,
        String version,
        PluginType type,
        List<String> permissions,
        Instant occurredAt)
        implements DomainEvent {}
