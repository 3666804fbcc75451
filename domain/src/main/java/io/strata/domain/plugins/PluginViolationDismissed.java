package io.strata.domain.plugins;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

/** An admin dismissed a violation (the audit); {@code score} is the score recomputed without it. */
public record PluginViolationDismissed(
        PluginId pluginId,
        ViolationId violationId,
        io.strata.domain.shared.user.UserId dismissedBy,
        String reason,
        int score,
        Instant occurredAt)
        implements DomainEvent {}
