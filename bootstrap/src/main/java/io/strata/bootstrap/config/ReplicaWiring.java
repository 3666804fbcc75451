package io.strata.bootstrap.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.strata.adapters.persistence.shared.RowSecurityDataSource;
import io.strata.adapters.persistence.shared.RowSecurityWiring;
import io.strata.adapters.persistence.shared.replica.ReplicaMonitor;
import io.strata.adapters.persistence.shared.replica.ReplicaRoutingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * With {@code STRATA_DB_REPLICA_URL}, the application's data source routes read-only transactions to a read replica
 * ({@link ReplicaRoutingDataSource}): a second pool, of the same size and role as the primary's (roles replicate),
 * with row-level security applied the same way. Runs right after {@code RowSecurityWiring}, so it wraps the primary's
 * row-security data source, and Micronaut's transaction-aware proxy wraps it. Without the setting nothing changes.
 */
@Singleton
public class ReplicaWiring implements BeanCreatedEventListener<DataSource>, Ordered {

    private final String url;
    private final Duration maxLag;
    private final Duration checkInterval;
    private final Duration connectTimeout;
    private final String username;
    private final String password;
    private final int poolSize;
    private volatile ReplicaMonitor monitor;
    private volatile ReplicaRoutingDataSource router;
    private volatile HikariDataSource replicaPool;

    public ReplicaWiring(
            @Value("${strata.database.replica.url:}") String url,
            @Value("${strata.database.replica.max-lag:5s}") Duration maxLag,
            @Value("${strata.database.replica.check-interval:1s}") Duration checkInterval,
            @Value("${strata.database.replica.connect-timeout:1s}") Duration connectTimeout,
            @Nullable @Value("${datasources.default.username:}") String username,
            @Nullable @Value("${datasources.default.password:}") String password,
            @Value("${datasources.default.maximum-pool-size:5}") int poolSize) {
        this.url = url == null ? "" : url.strip();
        this.maxLag = maxLag;
        this.checkInterval = checkInterval;
        this.connectTimeout = connectTimeout;
        this.username = username;
        this.password = password;
        this.poolSize = poolSize;
    }

    @Override
    public int getOrder() {
        return RowSecurityWiring.ORDER + 1;
    }

    /** The router between the primary and the replica, when a replica is configured. */
    public Optional<ReplicaRoutingDataSource> router() {
        return Optional.ofNullable(router);
    }

    /** The replica's monitor, when a replica is configured. */
    public Optional<ReplicaMonitor> monitor() {
        return Optional.ofNullable(monitor);
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource primary = event.getBean();
        if (url.isEmpty() || primary instanceof ReplicaRoutingDataSource) {
            return primary;
        }
        DatabaseSettings replica = DatabaseSettings.parse(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("strata-db-replica");
        config.setJdbcUrl(replica.jdbcUrl());
        config.setUsername(replica.username() != null ? replica.username() : blankToNull(username));
        config.setPassword(replica.password() != null ? replica.password() : password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(connectTimeout.toMillis(), 3000)));
        config.setInitializationFailTimeout(-1); // a replica that is down at start is the monitor's to report
        config.setReadOnly(true);
        config.addDataSourceProperty("ApplicationName", "strata-replica");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        replicaPool = new HikariDataSource(config);
        DataSource replicaSide = new RowSecurityDataSource(replicaPool);
        ReplicaMonitor created = new ReplicaMonitor(primary, replicaSide, maxLag, checkInterval, Clock.systemUTC());
        created.start();
        monitor = created;
        router = new ReplicaRoutingDataSource(primary, replicaSide, created);
        return router;
    }

    @PreDestroy
    void close() {
        if (monitor != null) {
            monitor.close();
        }
        if (replicaPool != null) {
            replicaPool.close();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
