package io.strata.domain.plugins;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

/** The plugin's security score fell to or below the configured threshold, so it was disabled. */
public record PluginDisabledByScore(PluginId pluginId, String slug, int score, int threshold, Instant occurredAt)
        implements DomainEvent {}
