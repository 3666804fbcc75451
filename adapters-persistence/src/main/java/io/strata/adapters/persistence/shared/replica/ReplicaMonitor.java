package io.strata.adapters.persistence.shared.replica;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the read replica serves reads, by checking it every {@code interval}: the replica must answer, be
 * in recovery (a standby, not a promoted copy that diverges), and lag the primary by at most {@code maxLag}.
 *
 * <p>Lag is measured in time without trusting the two servers' clocks or the last replayed transaction's timestamp
 * (which stands still while the primary is idle): every check samples the primary's WAL position; the lag is how
 * long ago the primary was at the oldest sampled position the replica has not replayed yet (0 when it has replayed
 * them all). Its precision is the check interval.
 *
 * <p>A replica that fails a connection between checks is taken out at once ({@link #replicaFailed}); it comes back
 * at the first check that finds it healthy again.
 */
public final class ReplicaMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaMonitor.class);
    private static final int MAX_SAMPLES = 4096;

    /**
     * What the last check found. {@code inUse}: reads go to the replica; otherwise {@code reason} says why they go
     * to the primary. {@code replayed}: the replica's replayed WAL position (null when unknown).
     */
    public record Status(boolean inUse, String reason, Long replayed, Duration lag, Instant checkedAt) {}

    private record Sample(Instant at, long position) {}

    private final DataSource primary;
    private final DataSource replica;
    private final Duration maxLag;
    private final Duration interval;
    private final Clock clock;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final AtomicLong replicaReads = new AtomicLong();
    private final AtomicLong primaryReads = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong retriedReads = new AtomicLong();
    private volatile Status status;
    private ScheduledExecutorService checker;

    public ReplicaMonitor(DataSource primary, DataSource replica, Duration maxLag, Duration interval, Clock clock) {
        this.primary = primary;
        this.replica = replica;
        this.maxLag = maxLag;
        this.interval = interval;
        this.clock = clock;
        this.status = new Status(false, "not checked yet", null, null, clock.instant());
    }

    /** Checks now, then every interval on a daemon thread. */
    public void start() {
        check();
        checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "strata-replica-monitor");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(
                this::checkQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Status status() {
        return status;
    }

    public Duration maxLag() {
        return maxLag;
    }

    /** Whether a read-only transaction that must see {@code readAfter} (null: anything) may run on the replica. */
    boolean serves(Long readAfter) {
        Status now = status;
        return now.inUse()
                && (readAfter == null || now.replayed() != null && WalPosition.atOrAfter(now.replayed(), readAfter));
    }

    /** A read the router sent to the replica ({@code true}) or to the primary. */
    void counted(boolean onReplica) {
        (onReplica ? replicaReads : primaryReads).incrementAndGet();
    }

    public long replicaReads() {
        return replicaReads.get();
    }

    public long primaryReads() {
        return primaryReads.get();
    }

    /** How many times the replica was taken out of service. */
    public long fallbacks() {
        return fallbacks.get();
    }

    /** Read use cases that lost their replica connection and ran again on the primary. */
    public long retriedReads() {
        return retriedReads.get();
    }

    void readRetried() {
        retriedReads.incrementAndGet();
    }

    /** A connection to the replica failed: reads go to the primary until a check finds it healthy. */
    void replicaFailed(SQLException failure) {
        update(new Status(false, "replica failed: " + oneLine(failure), status.replayed(), null, clock.instant()));
    }

    /** The primary's current WAL position: every transaction committed before this call is at or before it. */
    public long primaryPosition() throws SQLException {
        try (Connection connection = primary.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            return WalPosition.parse(rs.getString(1)).orElseThrow();
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("The replica check failed: {}", e.toString());
        }
    }

    /** One check (also called by tests to avoid waiting for the interval). */
    public synchronized void check() {
        Instant now = clock.instant();
        long primaryAt;
        try {
            primaryAt = primaryPosition();
        } catch (SQLException e) {
            // the primary is the outage circuit's concern; the replica cannot be judged against it now
            update(new Status(false, "primary unreachable: " + oneLine(e), status.replayed(), null, now));
            return;
        }
        samples.addLast(new Sample(now, primaryAt));
        while (samples.size() > MAX_SAMPLES) {
            samples.removeFirst();
        }
        long replayed;
        try (Connection connection = replica.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT pg_is_in_recovery(), coalesce(pg_last_wal_replay_lsn(), '0/0')::text")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                update(new Status(false, "the replica is not in recovery (promoted?)", null, null, now));
                return;
            }
            replayed = WalPosition.parse(rs.getString(2)).orElse(0L);
        } catch (SQLException e) {
            update(new Status(false, "replica unreachable: " + oneLine(e), null, null, now));
            return;
        }
        Duration lag = Duration.ZERO;
        while (!samples.isEmpty()
                && WalPosition.atOrAfter(replayed, samples.peekFirst().position())) {
            samples.removeFirst(); // replayed: no longer a measure of lag
        }
        if (!samples.isEmpty()) {
            lag = Duration.between(samples.peekFirst().at(), now);
        }
        if (lag.compareTo(maxLag) > 0) {
            update(new Status(
                    false, "lagging " + lag.toMillis() + " ms (max " + maxLag.toMillis() + " ms)", replayed, lag, now));
        } else {
            update(new Status(true, null, replayed, lag, now));
        }
    }

    private void update(Status next) {
        Status previous = status;
        status = next;
        if (previous.inUse() && !next.inUse()) {
            fallbacks.incrementAndGet();
            LOG.warn("Reads go to the primary: {}", next.reason());
        } else if (!previous.inUse() && next.inUse()) {
            LOG.info("Reads go to the replica again (lag {} ms)", next.lag().toMillis());
        }
    }

    private static String oneLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close() {
        if (checker != null) {
            checker.shutdownNow();
        }
    }
}
