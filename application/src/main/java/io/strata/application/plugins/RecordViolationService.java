package io.strata.application.plugins;

import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRepository;
import io.strata.domain.plugins.SecurityLedger;
import io.strata.domain.plugins.SecurityScore;
import io.strata.domain.plugins.SecurityViolation;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class RecordViolationService implements RecordViolationUseCase {
    private final PluginRepository plugins;
    private final SecurityLedger ledger;
    private final PluginPolicy policy;
    private final Clock clock;

    public RecordViolationService(PluginRepository plugins, SecurityLedger ledger, PluginPolicy policy, Clock clock) {
        this.plugins = plugins;
        this.ledger = ledger;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Recorded record(Command command) {
        PluginAccess.requireOperator(command.actor());
        // the plugin's row lock first: the ledger read below then sees every earlier violation, so the score is exact
        Plugin plugin = PluginAccess.found(plugins.lock(command.ref()), command.ref());
        SecurityViolation violation = SecurityViolation.record(
                plugin,
                command.check(),
                command.severity(),
                command.evidence(),
                command.actor().userId(),
                clock);
        ledger.append(violation);
        plugin.violationRecorded(violation, SecurityScore.of(ledger.of(plugin.id())), policy.disableAtScore(), clock);
        return new Recorded(violation, plugins.save(plugin));
    }
}
