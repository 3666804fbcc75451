package io.strata.application.plugins;

import io.strata.application.shared.Change;
import io.strata.application.shared.UseCase;
import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRef;
import io.strata.domain.shared.user.Actor;
import java.util.Map;

/**
 * Applies a JSON Merge Patch (RFC 7396) to a plugin at the version the client read: its {@code config} member is
 * merged deeply into the config (nested objects merge, {@code null} removes, arrays replace); {@code null} clears it.
 */
@UseCase
public interface ConfigurePluginUseCase {
    Plugin patchConfig(Command command);

    record Command(Actor actor, PluginRef ref, Change<Map<String, Object>> config, long expectedVersion) {}
}
