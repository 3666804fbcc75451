package io.strata.bootstrap.events;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import io.strata.adapters.persistence.shared.OutboxCommits;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In an instance whose relay is off ({@code strata.events.relay.enabled=false}), tells the relays of the others that
 * events committed here, as V10's trigger did before V64: one {@code pg_notify} on the relays' channel after the
 * commits, from a thread of its own on a pooled connection, at most one per gathering pause
 * ({@code strata.events.relay.gather}, 25 ms: the relays wait that long after a wake-up anyway). A notification in
 * every writing transaction would serialize their commits (see {@link OutboxCommits}); this one is a transaction of
 * its own, sent once for all the commits of a pause. Failures (the database down) are left to the relays' poll.
 * Stopping sends what is still owed, so a command that wrote events and exits does not leave them to the poll.
 */
@Context
@Requires(property = "strata.events.relay.enabled", value = "false")
public class RemoteRelayWakeUp {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteRelayWakeUp.class);

    private final OutboxCommits commits;
    private final DataSource dataSource;
    private final Duration gather;
    /** A permit per commit since the last notification. */
    private final Semaphore owed = new Semaphore(0);

    private final Runnable onCommit = owed::release;
    private volatile boolean running;
    private @Nullable Thread sender;

    public RemoteRelayWakeUp(
            OutboxCommits commits,
            @Named("default") DataSource dataSource,
            @Nullable DataSourceResolver resolver,
            @Value("${strata.events.relay.gather:25ms}") Duration gather) {
        this.commits = commits;
        this.dataSource = resolver != null ? resolver.resolve(dataSource) : dataSource;
        this.gather = gather.isNegative() ? Duration.ZERO : gather;
    }

    @PostConstruct
    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        commits.subscribe(onCommit);
        Thread thread = new Thread(this::work, "event-relay-notify");
        thread.setDaemon(true);
        thread.start();
        sender = thread;
    }

    private void work() {
        while (running) {
            try {
                owed.acquire();
                owed.drainPermits();
                send();
                Thread.sleep(gather.toMillis()); // the commits of the next pause share one notification
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One notification on the relays' channel, in a transaction of its own. */
    private void send() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_notify('" + EventRelayScheduler.CHANNEL + "', '')");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("could not notify the event relays (their poll finds the events): {}", e.getMessage());
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        commits.unsubscribe(onCommit);
        Thread thread = sender;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (owed.drainPermits() > 0) {
            send(); // commits the thread had not told yet
        }
    }
}
