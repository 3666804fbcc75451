package io.strata.domain.plugins;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

/** A plugin was uninstalled (its row and ledger are gone). */
public record PluginUninstalled(PluginId pluginId, String slug, String version, Instant occurredAt)
        implements DomainEvent {}
