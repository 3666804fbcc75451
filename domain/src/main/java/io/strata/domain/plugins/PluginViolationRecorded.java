package io.strata.domain.plugins;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

/** A security violation was added to the plugin's ledger; {@code score} is the score recomputed with it. */
public record PluginViolationRecorded(
        PluginId pluginId, ViolationId violationId, String check, Severity severity, int score, Instant occurredAt)
        implements DomainEvent {}
