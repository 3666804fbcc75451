package io.strata.application.plugins;

import io.strata.application.shared.UseCase;
import io.strata.domain.plugins.PluginRef;
import io.strata.domain.shared.user.Actor;

/** Uninstalls a plugin: its row and its ledger go (If-Match honoured when sent). */
@UseCase
public interface UninstallPluginUseCase {
    void uninstall(Command command);

    record Command(Actor actor, PluginRef ref, Long expectedVersion) {}
}
