package io.strata.bootstrap.database;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.adapters.web.shared.BackendAvailability;
import io.strata.bootstrap.config.StartupFailure;
import io.strata.bootstrap.embedded.EmbeddedPostgres;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit in front of the database. Closed, requests use the pool as usual. A connection failure
 * ({@link ConnectionFailures}) or a crash of the embedded PostgreSQL triggers a probe: one new connection, outside
 * the pool, with a one-second timeout. If the probe fails the circuit opens: API requests are answered 503 with
 * {@code Retry-After} at once ({@code BackendOutageFilter}), health says DOWN at once, and the probe repeats every
 * {@code strata.database.probe-interval} until it succeeds; then the circuit closes, the pool's idle connections
 * (to the old server) are replaced, and service resumes by itself. A single broken connection (a backend that was
 * terminated) is not an outage: its probe succeeds and the circuit stays closed.
 */
@Singleton
public class DatabaseAvailability implements BackendAvailability, EmbeddedPostgres.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAvailability.class);
    private static final int PROBE_TIMEOUT_SECONDS = 1;

    /** An open circuit: since when, and the failure that opened it. */
    public record Outage(Instant since, String reason, long refusedBefore, boolean confirmed) {}

    private final DataSource dataSource;
    private final HikariDataSource hikari;
    private final EmbeddedPostgres embedded;
    private final Duration retryAfter;
    private final Duration probeInterval;
    private final ScheduledExecutorService prober;
    private final AtomicBoolean probePending = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong outages = new AtomicLong();
    private volatile Outage outage;
    private volatile Duration lastOutageDuration;

    public DatabaseAvailability(
            @Named("default") DataSource dataSource,
            @Nullable DataSourceResolver resolver,
            @Nullable EmbeddedPostgres embedded,
            @Value("${strata.database.retry-after:2s}") Duration retryAfter,
            @Value("${strata.database.probe-interval:500ms}") Duration probeInterval) {
        DataSource resolved = resolver != null ? resolver.resolve(dataSource) : dataSource;
        this.hikari = Pools.hikari(resolved);
        this.dataSource = hikari != null ? hikari : resolved;
        this.embedded = embedded;
        this.retryAfter = retryAfter;
        this.probeInterval = probeInterval;
        this.prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "database-probe");
            thread.setDaemon(true);
            return thread;
        });
        if (embedded != null) {
            embedded.addListener(this);
        }
    }

    @Override
    public Optional<Duration> knownOutage() {
        if (outage == null) {
            return Optional.empty();
        }
        refused.incrementAndGet();
        return Optional.of(retryAfter);
    }

    @Override
    public boolean concurrencyConflict(Throwable failure) {
        return PersistenceErrors.isLockConflict(failure);
    }

    @Override
    public Optional<Duration> outageOf(Throwable failure) {
        ConnectionFailures.Kind kind = ConnectionFailures.classify(failure);
        if (kind == ConnectionFailures.Kind.NONE) {
            return Optional.empty();
        }
        if (kind == ConnectionFailures.Kind.UNREACHABLE) {
            // Open at once, before this request's 503 is sent: the next request must not wait the pool's timeout
            // for a server that is gone. The probe closes the circuit again within milliseconds if it was one
            // broken connection.
            open("connection lost: " + StartupFailure.describe(failure), false);
        }
        if (kind != ConnectionFailures.Kind.CLOSED) {
            probeSoon(Duration.ZERO);
        }
        return Optional.of(retryAfter);
    }

    /** The open circuit, if any. */
    public Optional<Outage> outage() {
        return Optional.ofNullable(outage);
    }

    /** How many times the circuit has opened since startup. */
    public long outageCount() {
        return outages.get();
    }

    /** API requests answered 503 because the circuit was open, since startup. */
    public long refusedRequests() {
        return refused.get();
    }

    /** Circuit state for the health details. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        Outage current = outage;
        details.put("circuit", current == null ? "closed" : "open");
        if (current != null) {
            details.put("openSince", current.since().toString());
            details.put("reason", current.reason());
        }
        details.put("outages", outages.get());
        details.put("refusedRequests", refused.get());
        Duration last = lastOutageDuration;
        if (last != null) {
            details.put("lastOutageMs", last.toMillis());
        }
        return details;
    }

    // ---------------------------------------------------------------- embedded PostgreSQL events

    @Override
    public void crashed(EmbeddedPostgres postgres, int exitStatus) {
        open("embedded PostgreSQL exited with status " + exitStatus + "; restarting it");
        if (hikari != null && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections(); // every pooled connection is dead
        }
        probeSoon(probeInterval);
    }

    @Override
    public void restarted(EmbeddedPostgres postgres) {
        probeSoon(Duration.ZERO);
    }

    @Override
    public void gaveUp(EmbeddedPostgres postgres, String message) {
        open(message);
    }

    // ---------------------------------------------------------------- the circuit

    private void probeSoon(Duration delay) {
        if (probePending.compareAndSet(false, true)) {
            try {
                prober.schedule(this::probe, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                probePending.set(false);
            }
        }
    }

    private void probe() {
        probePending.set(false);
        try {
            try (Connection connection = probeConnection();
                    Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
                statement.execute("SELECT 1");
            }
            close();
        } catch (SQLException | RuntimeException e) {
            if (embedded == null || embedded.status().state() != EmbeddedPostgres.State.FAILED) {
                open(StartupFailure.describe(e));
                probeSoon(probeInterval);
            }
        }
    }

    /** A new connection outside the pool: the pool would make the probe wait for its own timeout. */
    private Connection probeConnection() throws SQLException {
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
        properties.setProperty("connectTimeout", Integer.toString(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(PROBE_TIMEOUT_SECONDS + 1));
        properties.setProperty("ApplicationName", "strata-probe");
        Connection connection = new org.postgresql.Driver().connect(hikari.getJdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + hikari.getJdbcUrl(), "08001");
        }
        return connection;
    }

    private void open(String reason) {
        open(reason, true);
    }

    /** Opens the circuit; {@code confirmed} is false while only suspected (a lost connection, the probe not yet run). */
    private synchronized void open(String reason, boolean confirmed) {
        if (outage != null) {
            if (confirmed && !outage.confirmed()) {
                outage = new Outage(outage.since(), reason, outage.refusedBefore(), true);
                outages.incrementAndGet();
                LOG.warn(
                        "Database unavailable ({}): API requests are answered 503 until it is back; probing every {} ms",
                        reason,
                        probeInterval.toMillis());
            }
            return;
        }
        outage = new Outage(Instant.now(), reason, refused.get(), confirmed);
        if (!confirmed) {
            return;
        }
        outages.incrementAndGet();
        LOG.warn(
                "Database unavailable ({}): API requests are answered 503 until it is back; probing every {} ms",
                reason,
                probeInterval.toMillis());
    }

    private synchronized void close() {
        Outage ended = outage;
        if (ended == null) {
            return;
        }
        outage = null;
        lastOutageDuration = Duration.between(ended.since(), Instant.now());
        if (hikari != null && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections(); // idle connections may lead to the old server
        }
        if (!ended.confirmed()) {
            LOG.debug("A lost connection was not an outage: the database answered the probe");
            return;
        }
        LOG.info(
                "Database available again after {} ms; {} API requests were answered 503 meanwhile",
                lastOutageDuration.toMillis(),
                refused.get() - ended.refusedBefore());
    }

    @PreDestroy
    void stop() {
        if (embedded != null) {
            embedded.removeListener(this);
        }
        prober.shutdownNow();
    }
}
