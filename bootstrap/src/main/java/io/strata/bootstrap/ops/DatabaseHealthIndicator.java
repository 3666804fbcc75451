package io.strata.bootstrap.ops;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.health.HealthStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.strata.bootstrap.config.StartupFailure;
import io.strata.bootstrap.database.DatabaseAvailability;
import io.strata.bootstrap.database.Durability;
import io.strata.bootstrap.database.Pools;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Health of the primary database, reported as {@code database} under {@code /health} and {@code /health/readiness}.
 * It answers within {@link #TIMEOUT}: DOWN at once while the outage circuit is open ({@link DatabaseAvailability}),
 * DOWN when the check gets no answer in time (a pool waiting for a server that does not answer) unless every
 * pooled connection is busy serving requests (then the database answers, and readiness must not flap under load),
 * otherwise the result of the check. Details (shown to ADMIN tokens only, see {@link HealthDetailsAccess}):
 * <ul>
 *   <li>{@code selectOneLatencyMs}: round trip of {@code SELECT 1} on a pooled connection</li>
 *   <li>{@code migrationVersion}: latest successful versioned Flyway migration ({@code null} if none)</li>
 *   <li>{@code postgresVersion}: server version</li>
 *   <li>{@code durability}: {@code fsync}, {@code synchronousCommit}, {@code fullPageWrites} as a pooled session sees
 *       them, with {@code warnings} when one is off</li>
 *   <li>{@code pool}: Hikari {@code total}, {@code active}, {@code idle}, {@code waiting} connections and {@code max}</li>
 *   <li>{@code availability}: the outage circuit ({@code circuit}, {@code openSince}, {@code reason}, counters)</li>
 * </ul>
 */
@Singleton
@Readiness
@Requires(beans = {HealthEndpoint.class, DataSource.class})
public class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    public static final String NAME = "database";
    static final Duration TIMEOUT = Duration.ofMillis(800);

    private final DataSource dataSource;
    private final HikariDataSource hikari;
    private final DatabaseAvailability availability;
    private final ExecutorService checks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "database-health");
        thread.setDaemon(true);
        return thread;
    });

    public DatabaseHealthIndicator(
            @Named("default") DataSource dataSource,
            @Nullable DataSourceResolver resolver,
            @Nullable DatabaseAvailability availability) {
        DataSource resolved = resolver != null ? resolver.resolve(dataSource) : dataSource;
        this.hikari = Pools.hikari(resolved);
        this.dataSource = hikari != null ? hikari : resolved;
        this.availability = availability;
    }

    @Override
    protected String getName() {
        return NAME;
    }

    @Override
    protected HealthResult getHealthResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        HealthStatus status;
        var outage = availability == null ? null : availability.outage().orElse(null);
        if (outage != null) {
            details.put("error", outage.reason());
            status = HealthStatus.DOWN;
        } else {
            CompletableFuture<Map<String, Object>> check = CompletableFuture.supplyAsync(this::check, checks);
            try {
                details.putAll(check.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
                status = HealthStatus.UP;
            } catch (TimeoutException e) {
                check.whenComplete(
                        (ignored, failure) -> report(failure)); // a late connection failure opens the circuit
                if (poolSaturated()) {
                    // every connection is serving a request: the database answers, the check just had to queue
                    details.put(
                            "check",
                            "no free connection within " + TIMEOUT.toMillis() + " ms: every connection is busy");
                    status = HealthStatus.UP;
                } else {
                    details.put("error", "no answer within " + TIMEOUT.toMillis() + " ms");
                    status = HealthStatus.DOWN;
                }
            } catch (ExecutionException e) {
                details.put("error", StartupFailure.describe(e.getCause()));
                status = HealthStatus.DOWN;
                report(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                details.put("error", "interrupted");
                status = HealthStatus.DOWN;
            }
        }
        details.put("pool", poolStats());
        if (availability != null) {
            details.put("availability", availability.details());
        }
        return HealthResult.builder(NAME, status).details(details).build();
    }

    private void report(Throwable failure) {
        if (failure != null && availability != null) {
            availability.outageOf(failure);
        }
    }

    private Map<String, Object> check() {
        Map<String, Object> details = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            long start = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(5);
                try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                    rs.next();
                }
            }
            double latencyMs = (System.nanoTime() - start) / 1_000_000.0;
            details.put("selectOneLatencyMs", Math.round(latencyMs * 100.0) / 100.0);
            details.put("migrationVersion", migrationVersion(connection));
            details.put("postgresVersion", connection.getMetaData().getDatabaseProductVersion());
            details.put("durability", Durability.read(connection).details());
            return details;
        } catch (SQLException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        throw new UnsupportedOperationException("getHealthResult() is overridden");
    }

    private static String migrationVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            try (ResultSet exists = statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return null;
                }
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private boolean poolSaturated() {
        HikariPoolMXBean bean = hikari == null ? null : hikari.getHikariPoolMXBean();
        return bean != null && bean.getActiveConnections() >= hikari.getMaximumPoolSize();
    }

    private Map<String, Object> poolStats() {
        Map<String, Object> pool = new LinkedHashMap<>();
        HikariPoolMXBean bean = hikari == null ? null : hikari.getHikariPoolMXBean();
        if (bean == null) {
            pool.put("available", false);
            return pool;
        }
        pool.put("name", hikari.getPoolName());
        pool.put("total", bean.getTotalConnections());
        pool.put("active", bean.getActiveConnections());
        pool.put("idle", bean.getIdleConnections());
        pool.put("waiting", bean.getThreadsAwaitingConnection());
        pool.put("max", hikari.getMaximumPoolSize());
        return pool;
    }

    @PreDestroy
    void stop() {
        checks.shutdownNow();
    }
}
