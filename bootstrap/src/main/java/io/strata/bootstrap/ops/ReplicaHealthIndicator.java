package io.strata.bootstrap.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.strata.adapters.persistence.shared.replica.ReplicaMonitor;
import io.strata.adapters.persistence.shared.replica.WalPosition;
import io.strata.bootstrap.config.ReplicaWiring;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read replica as {@code replica} under {@code /health} (details for ADMIN tokens): where read-only transactions
 * go ({@code reads}: {@code replica} or {@code primary}) and, when on the primary, why; the lag; counters. Always UP:
 * a replica that is down or behind costs the primary some load, not the service, so it must not take the instance
 * out of a load balancer.
 */
@Singleton
@Requires(beans = HealthEndpoint.class)
@Requires(property = "strata.database.replica.url", pattern = ".*\\S.*")
public class ReplicaHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    public static final String NAME = "replica";

    private final ReplicaWiring replica;

    public ReplicaHealthIndicator(ReplicaWiring replica) {
        this.replica = replica;
    }

    @Override
    protected String getName() {
        return NAME;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        replica.monitor().ifPresentOrElse(monitor -> describe(monitor, details), () -> {
            details.put("reads", "primary");
            details.put("reason", "the data source has not been created yet");
        });
        healthStatus = HealthStatus.UP;
        return details;
    }

    private static void describe(ReplicaMonitor monitor, Map<String, Object> details) {
        ReplicaMonitor.Status status = monitor.status();
        details.put("reads", status.inUse() ? "replica" : "primary");
        details.put("reason", status.reason());
        details.put("lagMs", status.lag() == null ? null : status.lag().toMillis());
        details.put("maxLagMs", monitor.maxLag().toMillis());
        details.put("replayed", status.replayed() == null ? null : WalPosition.format(status.replayed()));
        details.put("checkedAt", status.checkedAt().toString());
        details.put("fallbacks", monitor.fallbacks());
        details.put("retriedReads", monitor.retriedReads());
        details.put("readsOnReplica", monitor.replicaReads());
        details.put("readsOnPrimary", monitor.primaryReads());
    }
}
