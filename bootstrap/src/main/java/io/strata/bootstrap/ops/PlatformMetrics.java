package io.strata.bootstrap.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.configuration.metrics.annotation.RequiresMetrics;
import io.micronaut.context.BeanProvider;
import io.strata.bootstrap.database.DatabaseAvailability;
import jakarta.inject.Singleton;

/**
 * Strata's own meters, next to the HTTP, Hikari and JVM ones Micronaut binds. Every {@link MeterBinder} bean is bound
 * to the registry at startup, so a context adds its meters (cache hits, the oldest undelivered event) with a binder
 * of its own, named {@code strata.<context>.<what>} and tagged only with bounded values (docs/extending.md).
 *
 * <p>The outage circuit ({@link DatabaseAvailability}): {@code strata_database_circuit_open} (1 while API requests
 * are answered 503), {@code strata_database_outages_total} and {@code strata_database_refused_requests_total}.
 */
@Singleton
@RequiresMetrics
public class PlatformMetrics implements MeterBinder {

    // looked up on each scrape: the pool is created with the registry, and the circuit needs the pool
    private final BeanProvider<DatabaseAvailability> availability;

    public PlatformMetrics(BeanProvider<DatabaseAvailability> availability) {
        this.availability = availability;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "strata.database.circuit.open",
                        availability,
                        circuit -> circuit.get().outage().isPresent() ? 1 : 0)
                .description("1 while the database is unavailable and API requests are answered 503, else 0")
                .register(registry);
        FunctionCounter.builder(
                        "strata.database.outages",
                        availability,
                        circuit -> circuit.get().outageCount())
                .description("Times the database circuit opened since startup")
                .register(registry);
        FunctionCounter.builder(
                        "strata.database.refused.requests",
                        availability,
                        circuit -> circuit.get().refusedRequests())
                .description("API requests answered 503 while the database circuit was open")
                .register(registry);
    }
}
