package io.strata.application.plugins;

import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRef;
import io.strata.domain.plugins.PluginRepository;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Optional;

@Singleton
public class InstallPluginService implements InstallPluginUseCase {
    private final PluginRepository plugins;
    private final Clock clock;

    public InstallPluginService(PluginRepository plugins, Clock clock) {
        this.plugins = plugins;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Installation install(Command command) {
        PluginAccess.requireOperator(command.actor());
        PluginRef ref = new PluginRef.BySlug(command.slug());
        Optional<Plugin> installed = plugins.lock(ref);
        if (installed.isEmpty()) {
            // a concurrent first install of the same slug loses on the unique slug: 409, the client retries
            Plugin plugin = Plugin.install(
                    command.slug(), command.release(), command.config(), command.installationId(), clock);
            return new Installation(plugins.add(plugin), true);
        }
        Plugin plugin = installed.get();
        if (command.expectedVersion() != null) {
            Versioned.require("Plugin", ref, command.expectedVersion(), plugin.version());
        }
        plugin.reinstall(command.release(), command.config(), clock);
        return new Installation(plugins.save(plugin), false);
    }
}
