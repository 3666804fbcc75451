package io.strata.application.plugins;

import io.strata.application.shared.UseCase;
import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRef;
import io.strata.domain.shared.user.Actor;

/**
 * Enables or disables a plugin (If-Match honoured when sent). Enabling is refused (409) while the security score
 * is at or below the threshold.
 */
@UseCase
public interface ChangePluginStatusUseCase {
    Plugin change(Command command);

    record Command(Actor actor, PluginRef ref, boolean enable, Long expectedVersion) {}
}
