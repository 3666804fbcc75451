package io.strata.domain.plugins;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;
import java.util.List;

/** A plugin was re-installed or configured; {@code changed} names what changed (version, manifest, permissions, config, ...). */
public record PluginUpdated(
        PluginId pluginId,
        String slug,
        String previousVersion,
        String version,
        List<String> changed,
        Instant occurredAt)
        implements DomainEvent {}
