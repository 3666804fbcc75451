package io.strata.application.plugins;

import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRepository;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class ChangePluginStatusService implements ChangePluginStatusUseCase {
    private final PluginRepository plugins;
    private final PluginPolicy policy;
    private final Clock clock;

    public ChangePluginStatusService(PluginRepository plugins, PluginPolicy policy, Clock clock) {
        this.plugins = plugins;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Plugin change(Command command) {
        PluginAccess.requireOperator(command.actor());
        // locked: the score the rule reads cannot move under a concurrent violation
        Plugin plugin = PluginAccess.found(plugins.lock(command.ref()), command.ref());
        if (command.expectedVersion() != null) {
            Versioned.require("Plugin", command.ref(), command.expectedVersion(), plugin.version());
        }
        if (command.enable()) {
            plugin.enable(policy.disableAtScore(), clock);
        } else {
            plugin.disable(clock);
        }
        return plugins.save(plugin);
    }
}
