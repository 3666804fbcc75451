package io.strata.bootstrap.events;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.event.annotation.EventListener;
import io.strata.adapters.persistence.shared.OutboxCommits;
import io.strata.application.events.RelayEventsUseCase;
import io.strata.bootstrap.database.Pools;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the relay in this instance: a worker thread does rounds while there is work, then waits for a wake-up, which
 * comes from this process right after a commit that appended events ({@link OutboxCommits}), from PostgreSQL
 * ({@code LISTEN strata_events}, on a connection of its own outside the pool: a sink added, V12, or an instance whose
 * relay is off, {@link RemoteRelayWakeUp}), or from the poll interval, the fallback (another instance's commits, a
 * write made around Strata, a transaction that was in flight and ended, a retry coming due). Failures (the database
 * down) only delay it. Commits do not notify through PostgreSQL (V64): it serializes the commits of transactions that
 * notified, which cost writes recording events a quarter of their throughput at 32 clients.
 *
 * <p>A wake-up is followed by a short gathering pause ({@code strata.events.relay.gather}, 25 ms) before the round:
 * under a write load every commit wakes the worker, and a round per commit cost the database a transaction or more per
 * request ({@code bench/run}'s statements per {@code POST .../tasks}: two transactions, one of them the relay's).
 * Commits that arrive within the pause share one round; deliveries start at most that much later.
 *
 * <p>While no sink is configured and the listener holds its {@code LISTEN}, nothing can be due: the worker neither
 * polls every second (a transaction a second per idle instance) nor takes a round per commit that wrote events (a
 * transaction per gathering pause under a write load), both to find no sink. It waits for a sink to be added (a
 * trigger on {@code event_sinks} notifies on the channel with the payload {@value #SINK_ADDED}), or for
 * {@code strata.events.relay.idle-poll-interval} (1 min), a safety net for a listener whose connection died without
 * a word. Events committed meanwhile have no sink to go to; a sink added later starts after them. Without its
 * {@code LISTEN}, or with any sink, the worker wakes on every commit and notification and polls at the poll interval.
 */
@Singleton
@Requires(property = "strata.events.relay.enabled", notEquals = "false")
public class EventRelayScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(EventRelayScheduler.class);
    static final String CHANNEL = "strata_events";
    /** The payload of the notification of a sink added (V12); events' notifications have an empty one. */
    static final String SINK_ADDED = "sink";

    private final RelayEventsUseCase relay;
    private final DataSource dataSource;
    private final Duration pollInterval;
    private final Duration idlePollInterval;
    private final Duration gather;
    private final Semaphore wakeUp = new Semaphore(0);
    private final @Nullable OutboxCommits commits;
    private final Runnable onCommit = this::eventsCommitted;
    private volatile boolean running;
    /** Whether the listener holds its LISTEN: every notification then reaches it. */
    private volatile boolean listening;
    /** Whether the last round found no sink: only a sink added can give the worker something to do. */
    private volatile boolean noSink;

    private Thread worker;
    private Thread listener;

    public EventRelayScheduler(
            RelayEventsUseCase relay,
            @Named("default") DataSource dataSource,
            @Nullable DataSourceResolver resolver,
            @Value("${strata.events.relay.poll-interval:1s}") Duration pollInterval,
            @Value("${strata.events.relay.idle-poll-interval:1m}") Duration idlePollInterval,
            @Value("${strata.events.relay.gather:25ms}") Duration gather,
            @Nullable OutboxCommits commits) {
        this.relay = relay;
        this.commits = commits;
        this.dataSource = resolver != null ? resolver.resolve(dataSource) : dataSource;
        this.pollInterval = pollInterval;
        this.idlePollInterval = idlePollInterval.compareTo(pollInterval) < 0 ? pollInterval : idlePollInterval;
        this.gather = gather.isNegative() ? Duration.ZERO : gather;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        start();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        if (commits != null) {
            commits.subscribe(onCommit);
        }
        worker = daemon("event-relay", this::work);
        listener = daemon("event-relay-listen", this::listen);
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Whether the listener holds its {@code LISTEN} (for tests). */
    boolean listening() {
        return listening;
    }

    /**
     * Whether there is certainly no sink now: the last round found none and the listener holds its {@code LISTEN}, so
     * a sink added anywhere wakes the worker, whose round then finds it. No sink, no backlog.
     */
    public boolean knowsNoSink() {
        return noSink && listening;
    }

    /** A transaction that appended events committed in this process: a round, unless no sink can take them. */
    private void eventsCommitted() {
        if (!knowsNoSink()) {
            wakeUp();
        }
    }

    /** Wakes the worker now (also for tests and the benchmark). */
    public void wakeUp() {
        wakeUp.release();
    }

    private void work() {
        while (running) {
            Duration wait = pollInterval;
            try {
                RelayEventsUseCase.Round round = relay.runOnce();
                noSink = round.sinks() == 0;
                if (round.relayed() > 0) {
                    continue;
                }
                if (noSink && listening) {
                    wait = idlePollInterval; // nothing can be due before a sink is added, which notifies
                }
            } catch (RuntimeException e) {
                LOG.warn("event relay round failed; retrying after the poll interval: {}", e.getMessage());
            }
            try {
                if (wakeUp.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS) && !gather.isZero()) {
                    Thread.sleep(gather.toMillis()); // let the commits right behind this one join the round
                }
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening = true;
                wakeUp(); // whatever committed while not listening
                while (running) {
                    var notifications = pg.getNotifications((int) pollInterval.toMillis());
                    if (notifications != null && wakesTheWorker(notifications)) {
                        wakeUp();
                    }
                }
            } catch (Exception e) {
                if (listening) {
                    listening = false;
                    wakeUp(); // back to polling at the poll interval until the LISTEN is back
                }
                if (!running) {
                    return;
                }
                LOG.debug("event relay listener lost its connection: {}", e.getMessage());
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Any notification while there are sinks; with none, only a sink added (events have nowhere to go). */
    private boolean wakesTheWorker(PGNotification[] notifications) {
        for (PGNotification notification : notifications) {
            if (!noSink || SINK_ADDED.equals(notification.getParameter())) {
                return true;
            }
        }
        return false;
    }

    private Connection open() throws Exception {
        var hikari = Pools.hikari(dataSource);
        Properties properties = new Properties();
        properties.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("ApplicationName", "strata-event-relay");
        return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        if (commits != null) {
            commits.unsubscribe(onCommit);
        }
        if (worker != null) {
            worker.interrupt();
            listener.interrupt();
            try {
                worker.join(5000);
                listener.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
