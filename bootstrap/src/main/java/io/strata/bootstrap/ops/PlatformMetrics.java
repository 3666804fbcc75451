package io.strata.bootstrap.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.configuration.metrics.annotation.RequiresMetrics;
import io.micronaut.context.BeanProvider;
import io.strata.bootstrap.config.JdbcTransactionInterceptor;
import io.strata.bootstrap.database.DatabaseAvailability;
import jakarta.inject.Singleton;

/**
 * Strata's own meters, next to the HTTP, Hikari and JVM ones Micronaut binds. Every {@link MeterBinder} bean is bound
 * to the registry at startup, so a context adds its meters (cache hits, the oldest undelivered event) with a binder
 * of its own, named {@code strata.<context>.<what>} and tagged only with bounded values (docs/extending.md).
 *
 * <p>The outage circuit ({@link DatabaseAvailability}): {@code strata_database_circuit_open} (1 while API requests
 * are answered 503), {@code strata_database_outages_total} and {@code strata_database_refused_requests_total}. The
 * session-less transactions ({@link JdbcTransactionInterceptor}): {@code strata_database_reruns_total} (use cases run
 * again in Micronaut's transaction because they needed a Hibernate session, tagged {@code after_statements}) and
 * {@code strata_database_session_only_methods} (use-case methods that stopped trying; the log names them); and
 * {@code strata_database_lock_conflict_reruns_total} (rerunnable use cases run again because PostgreSQL aborted
 * their transaction over locks, a deadlock or a serialization failure).
 */
@Singleton
@RequiresMetrics
public class PlatformMetrics implements MeterBinder {

    // looked up on each scrape: the pool is created with the registry, and the circuit needs the pool
    private final BeanProvider<DatabaseAvailability> availability;

    private final BeanProvider<JdbcTransactionInterceptor> transactions;

    public PlatformMetrics(
            BeanProvider<DatabaseAvailability> availability, BeanProvider<JdbcTransactionInterceptor> transactions) {
        this.availability = availability;
        this.transactions = transactions;
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
        for (boolean afterStatements : new boolean[] {false, true}) {
            FunctionCounter.builder(
                            "strata.database.reruns",
                            transactions,
                            interceptor -> interceptor.get().reruns(afterStatements))
                    .tag("after_statements", Boolean.toString(afterStatements))
                    .description("Use cases run again in Micronaut's transaction because they needed a Hibernate"
                            + " session (after_statements: only after their first statements had run)")
                    .register(registry);
        }
        FunctionCounter.builder(
                        "strata.database.lock.conflict.reruns",
                        transactions,
                        interceptor -> interceptor.get().lockConflictReruns())
                .description("Rerunnable use cases run again because PostgreSQL aborted their transaction over locks"
                        + " (a deadlock or a serialization failure)")
                .register(registry);
        Gauge.builder(
                        "strata.database.session.only.methods",
                        transactions,
                        interceptor -> interceptor.get().methodsStoppedTrying())
                .description("Use-case methods that needed a Hibernate session too often and no longer try to run"
                        + " without one")
                .register(registry);
    }
}
