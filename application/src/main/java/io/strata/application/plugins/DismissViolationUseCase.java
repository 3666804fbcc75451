package io.strata.application.plugins;

import io.strata.application.shared.UseCase;
import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRef;
import io.strata.domain.plugins.SecurityViolation;
import io.strata.domain.plugins.ViolationId;
import io.strata.domain.shared.user.Actor;

/**
 * An ADMIN takes a violation out of the score, with a reason (who, when and why stay on the ledger row and go out
 * as an event); the score is recomputed. A plugin disabled by its score may then be enabled again.
 */
@UseCase
public interface DismissViolationUseCase {
    Dismissed dismiss(Command command);

    record Command(Actor actor, PluginRef ref, ViolationId violation, String reason) {}

    record Dismissed(SecurityViolation violation, Plugin plugin) {}
}
