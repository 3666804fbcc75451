package io.strata.bootstrap.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.configuration.metrics.annotation.RequiresMetrics;
import io.micronaut.context.annotation.Requires;
import io.strata.adapters.persistence.shared.replica.ReplicaMonitor;
import io.strata.bootstrap.config.ReplicaWiring;
import jakarta.inject.Singleton;

/**
 * The read replica's meters: {@code strata_replica_in_use} (1 while read-only transactions go to the replica),
 * {@code strata_replica_lag_seconds}, {@code strata_replica_fallbacks_total} (times reads moved to the primary) and
 * {@code strata_replica_reads_total{target="replica"|"primary"}} (read-only transactions by where they ran) and
 * {@code strata_replica_retried_reads_total} (reads that lost the replica under them and ran again on the primary).
 */
@Singleton
@RequiresMetrics
@Requires(property = "strata.database.replica.url", pattern = ".*\\S.*")
public class ReplicaMetrics implements MeterBinder {

    private final ReplicaWiring replica;

    public ReplicaMetrics(ReplicaWiring replica) {
        this.replica = replica;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "strata.replica.in.use",
                        replica,
                        r -> r.monitor().map(m -> m.status().inUse() ? 1 : 0).orElse(0))
                .description("1 while read-only transactions go to the read replica, else 0")
                .register(registry);
        Gauge.builder(
                        "strata.replica.lag",
                        replica,
                        r -> r.monitor()
                                .map(ReplicaMonitor::status)
                                .map(s -> s.lag() == null ? Double.NaN : s.lag().toMillis() / 1000.0)
                                .orElse(Double.NaN))
                .baseUnit("seconds")
                .description("How far the replica's replay is behind the primary (NaN while it cannot be measured)")
                .register(registry);
        FunctionCounter.builder(
                        "strata.replica.fallbacks",
                        replica,
                        r -> r.monitor().map(ReplicaMonitor::fallbacks).orElse(0L))
                .description("Times read-only transactions moved from the replica to the primary")
                .register(registry);
        FunctionCounter.builder(
                        "strata.replica.retried.reads",
                        replica,
                        r -> r.monitor().map(ReplicaMonitor::retriedReads).orElse(0L))
                .description("Read use cases whose replica connection broke and that ran again on the primary")
                .register(registry);
        FunctionCounter.builder(
                        "strata.replica.reads",
                        replica,
                        r -> r.monitor().map(ReplicaMonitor::replicaReads).orElse(0L))
                .tag("target", "replica")
                .description("Read-only transactions by the server they ran on")
                .register(registry);
        FunctionCounter.builder(
                        "strata.replica.reads",
                        replica,
                        r -> r.monitor().map(ReplicaMonitor::primaryReads).orElse(0L))
                .tag("target", "primary")
                .description("Read-only transactions by the server they ran on")
                .register(registry);
    }
}
