package io.strata.application.plugins;

import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRepository;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class ConfigurePluginService implements ConfigurePluginUseCase {
    private final PluginRepository plugins;
    private final Clock clock;

    public ConfigurePluginService(PluginRepository plugins, Clock clock) {
        this.plugins = plugins;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Plugin patchConfig(Command command) {
        PluginAccess.requireOperator(command.actor());
        Plugin plugin = PluginAccess.found(plugins.find(command.ref()), command.ref());
        Versioned.require("Plugin", command.ref(), command.expectedVersion(), plugin.version());
        command.config().ifPresent(patch -> plugin.patchConfig(patch, clock));
        return plugins.save(plugin);
    }
}
