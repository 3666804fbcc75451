package io.strata.adapters.persistence.shared.cache;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import io.strata.adapters.persistence.shared.PlainReads;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries cache invalidations between instances with PostgreSQL {@code LISTEN/NOTIFY}: a writer calls
 * {@code pg_notify} inside its transaction, so the notification is delivered when (and only when) it commits; each
 * instance listens on one dedicated connection outside the pool and evicts what it is told. While that connection
 * is down, {@link #listening()} is false and the caches bypass themselves; on reconnecting they are cleared first,
 * since notifications may have been missed meanwhile.
 */
@Singleton
public class CacheInvalidations {
    static final String CHANNEL = "strata_cache";
    private static final Logger LOG = LoggerFactory.getLogger(CacheInvalidations.class);
    private static final int POLL_MILLIS = 250;

    private final DataSource dataSource;
    private final HikariDataSource hikari;
    private final Map<String, VersionedCache<?, ?>> caches = new ConcurrentHashMap<>();
    private final Thread listener;
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile Connection connection;

    public CacheInvalidations(@Named("default") DataSource dataSource, @Nullable DataSourceResolver resolver) {
        DataSource resolved = resolver != null ? resolver.resolve(dataSource) : dataSource;
        this.hikari = hikari(resolved);
        this.dataSource = resolved;
        this.listener = new Thread(this::listen, "cache-invalidations");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    void register(VersionedCache<?, ?> cache) {
        if (caches.putIfAbsent(cache.name(), cache) != null) {
            throw new IllegalStateException("a cache named " + cache.name() + " exists already");
        }
    }

    Iterable<VersionedCache<?, ?>> caches() {
        return caches.values();
    }

    /** True while notifications are being received, so cached values can be trusted. */
    public boolean listening() {
        return listening;
    }

    /** Sends the invalidation inside the caller's transaction: PostgreSQL delivers it at commit, never on rollback. */
    void publish(EntityManager entityManager, String cache, String key, long version) {
        String payload = cache + ":" + version + ":" + key;
        // a plain statement: a write that invalidates (a log-out's revocation) needs no Hibernate session for it
        PlainReads.statements(entityManager)
                .query(
                        "SELECT pg_notify(?, ?)",
                        statement -> {
                            statement.setString(1, CHANNEL);
                            statement.setString(2, payload);
                        },
                        rows -> null);
    }

    private void listen() {
        long backoff = 250;
        while (running) {
            try (Connection c = openConnection()) {
                connection = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                caches.values().forEach(VersionedCache::clear);
                listening = true;
                backoff = 250;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn(
                            "cache invalidation listener lost its connection ({}); caches bypassed until it is back",
                            e.getMessage());
                }
            } finally {
                listening = false;
                connection = null;
                caches.values().forEach(VersionedCache::clear);
            }
            if (running) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void deliver(String payload) {
        int first = payload.indexOf(':');
        int second = first < 0 ? -1 : payload.indexOf(':', first + 1);
        if (second < 0) {
            return;
        }
        VersionedCache<?, ?> cache = caches.get(payload.substring(0, first));
        if (cache == null) {
            return;
        }
        try {
            cache.evict(payload.substring(second + 1), Long.parseLong(payload.substring(first + 1, second)));
        } catch (NumberFormatException e) {
            cache.clear();
        }
    }

    /** A connection outside the pool: listening holds it for the application's lifetime. */
    private Connection openConnection() throws SQLException {
        if (hikari == null || hikari.getJdbcUrl() == null) {
            return dataSource.getConnection();
        }
        Properties properties = new Properties();
        properties.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "strata-cache-invalidations");
        Connection c = new org.postgresql.Driver().connect(hikari.getJdbcUrl(), properties);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + hikari.getJdbcUrl(), "08001");
        }
        c.setAutoCommit(true);
        return c;
    }

    @PreDestroy
    void stop() {
        running = false;
        listening = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        listener.interrupt();
    }

    private static HikariDataSource hikari(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource h) {
            return h;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                return dataSource.unwrap(HikariDataSource.class);
            }
        } catch (SQLException ignored) {
            // not a wrapper
        }
        return null;
    }
}
