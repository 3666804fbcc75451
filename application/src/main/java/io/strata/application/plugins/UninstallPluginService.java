package io.strata.application.plugins;

import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRepository;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class UninstallPluginService implements UninstallPluginUseCase {
    private final PluginRepository plugins;
    private final Clock clock;

    public UninstallPluginService(PluginRepository plugins, Clock clock) {
        this.plugins = plugins;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void uninstall(Command command) {
        PluginAccess.requireOperator(command.actor());
        Plugin plugin = PluginAccess.found(plugins.lock(command.ref()), command.ref());
        if (command.expectedVersion() != null) {
            Versioned.require("Plugin", command.ref(), command.expectedVersion(), plugin.version());
        }
        plugin.uninstall(clock);
        plugins.delete(plugin);
    }
}
