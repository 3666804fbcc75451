package io.strata.bootstrap.ops;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.strata.bootstrap.config.StartupFailure;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of the primary database, reported as {@code database} under {@code /health} and {@code /health/readiness}:
 * <ul>
 *   <li>{@code selectOneLatencyMs}: round trip of {@code SELECT 1} on a pooled connection</li>
 *   <li>{@code pool}: Hikari {@code total}, {@code active}, {@code idle}, {@code waiting} connections and {@code max}</li>
 *   <li>{@code migrationVersion}: latest successful versioned Flyway migration ({@code null} if none)</li>
 *   <li>{@code postgresVersion}: server version</li>
 * </ul>
 * DOWN with an {@code error} detail if no connection can be obtained or the query fails.
 */
@Singleton
@Readiness
@Requires(beans = {HealthEndpoint.class, DataSource.class})
public class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    public static final String NAME = "database";

    private final DataSource dataSource;
    private final HikariDataSource hikari;

    public DatabaseHealthIndicator(@Named("default") DataSource dataSource, @io.micronaut.core.annotation.Nullable DataSourceResolver resolver) {
        DataSource resolved = resolver != null ? resolver.resolve(dataSource) : dataSource;
        this.hikari = unwrapHikari(resolved);
        this.dataSource = hikari != null ? hikari : resolved;
    }

    @Override
    protected String getName() {
        return NAME;
    }

    @Override
    protected HealthResult getHealthResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        HealthStatus status;
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
            status = HealthStatus.UP;
        } catch (SQLException | RuntimeException e) {
            details.put("error", StartupFailure.describe(e));
            status = HealthStatus.DOWN;
        }
        details.put("pool", poolStats());
        return HealthResult.builder(NAME, status).details(details).build();
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

    private static HikariDataSource unwrapHikari(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikariDataSource) {
            return hikariDataSource;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                return dataSource.unwrap(HikariDataSource.class);
            }
        } catch (SQLException ignored) {
            // not a wrapper: no pool statistics
        }
        return null;
    }
}
