package io.strata.application.plugins;

import io.strata.application.shared.UseCase;
import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRef;
import io.strata.domain.plugins.SecurityViolation;
import io.strata.domain.plugins.Severity;
import io.strata.domain.shared.user.Actor;

/**
 * Appends a security violation to a plugin's ledger and recomputes its score from the undismissed ledger; at or
 * below the configured threshold the plugin is disabled. Concurrent recordings of one plugin run one at a time.
 */
@UseCase
public interface RecordViolationUseCase {
    Recorded record(Command command);

    record Command(Actor actor, PluginRef ref, String check, Severity severity, String evidence) {}

    record Recorded(SecurityViolation violation, Plugin plugin) {}
}
