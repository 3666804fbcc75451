package io.strata.application.plugins;

import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRef;
import io.strata.domain.shared.error.ForbiddenException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import java.util.Optional;

/** Who may use the registry: ADMINs and MANAGERs (everyone else 403); dismissing a violation is for ADMINs. */
final class PluginAccess {
    private PluginAccess() {}

    static void requireOperator(Actor actor) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.MANAGER) {
            throw new ForbiddenException("only an ADMIN or a MANAGER may use the plugin registry");
        }
    }

    static Plugin found(Optional<Plugin> plugin, PluginRef ref) {
        return plugin.orElseThrow(() -> new NotFoundException("Plugin", ref));
    }
}
