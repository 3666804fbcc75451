package io.strata.domain.plugins;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

/** A plugin was enabled or disabled (by an operator or by its score). */
public record PluginStatusChanged(
        PluginId pluginId, String slug, PluginStatus from, PluginStatus to, Instant occurredAt)
        implements DomainEvent {}
