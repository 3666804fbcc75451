package io.strata.application.plugins;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRef;
import io.strata.domain.plugins.PluginRepository;
import io.strata.domain.plugins.SecurityLedger;
import io.strata.domain.plugins.SecurityScore;
import io.strata.domain.plugins.SecurityViolation;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
@ReadOnlyTransaction
public class PluginQueryService implements PluginQueries {
    private final PluginRepository plugins;
    private final SecurityLedger ledger;
    private final PluginPolicy policy;

    public PluginQueryService(PluginRepository plugins, SecurityLedger ledger, PluginPolicy policy) {
        this.plugins = plugins;
        this.ledger = ledger;
        this.policy = policy;
    }

    @Override
    public Plugin get(Actor actor, PluginRef ref) {
        PluginAccess.requireOperator(actor);
        return PluginAccess.found(plugins.find(ref), ref);
    }

    @Override
    public Page<Plugin> search(Actor actor, SearchCriteria criteria, PageRequest page) {
        PluginAccess.requireOperator(actor);
        return plugins.search(criteria, page);
    }

    @Override
    public ScoreReport score(Actor actor, PluginRef ref) {
        PluginAccess.requireOperator(actor);
        Plugin plugin = PluginAccess.found(plugins.find(ref), ref);
        List<SecurityViolation> all = ledger.of(plugin.id());
        return new ScoreReport(
                plugin,
                SecurityScore.of(all),
                policy.disableAtScore(),
                all.stream().filter(SecurityViolation::dismissed).toList());
    }
}
