package io.strata.application.plugins;

import io.strata.application.shared.UseCase;
import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRelease;
import io.strata.domain.plugins.PluginSlug;
import io.strata.domain.shared.user.Actor;
import java.util.Map;

/**
 * Installs a plugin as an upsert by slug: the first install creates it; a re-install replaces its release
 * (version, description, manifest, permissions, ...) and keeps its config unless {@code config} is given.
 * An If-Match version, when sent, must match the installed plugin.
 */
@UseCase
public interface InstallPluginUseCase {
    Installation install(Command command);

    record Command(
            Actor actor,
            PluginSlug slug,
            PluginRelease release,
            Map<String, Object> config,
            String installationId,
            Long expectedVersion) {}

    /** The plugin as stored, and whether this call created it (201) or updated it (200). */
    record Installation(Plugin plugin, boolean created) {}
}
