package io.strata.application.plugins;

import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRepository;
import io.strata.domain.plugins.SecurityLedger;
import io.strata.domain.plugins.SecurityScore;
import io.strata.domain.plugins.SecurityViolation;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class DismissViolationService implements DismissViolationUseCase {
    private final PluginRepository plugins;
    private final SecurityLedger ledger;
    private final PluginPolicy policy;
    private final Clock clock;

    public DismissViolationService(PluginRepository plugins, SecurityLedger ledger, PluginPolicy policy, Clock clock) {
        this.plugins = plugins;
        this.ledger = ledger;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Dismissed dismiss(Command command) {
        PluginAccess.requireOperator(command.actor());
        command.actor().requireAdmin("dismiss a security violation");
        Plugin plugin = PluginAccess.found(plugins.lock(command.ref()), command.ref());
        SecurityViolation violation = ledger.find(plugin.id(), command.violation())
                .orElseThrow(() -> new NotFoundException("Violation", command.violation()));
        SecurityViolation dismissed = violation.dismiss(command.actor().userId(), command.reason(), clock);
        ledger.dismiss(dismissed);
        plugin.violationDismissed(dismissed, SecurityScore.of(ledger.of(plugin.id())), policy.disableAtScore(), clock);
        return new Dismissed(dismissed, plugins.save(plugin));
    }
}
