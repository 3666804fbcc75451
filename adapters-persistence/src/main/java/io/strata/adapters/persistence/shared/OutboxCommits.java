package io.strata.adapters.persistence.shared;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells this process, right after the commit, that a transaction which appended events to the outbox has committed:
 * what wakes the event relay. {@link Outbox} marks the pooled connection its append ran on; the connection's commit
 * ({@link RowSecurityConnection}) finds the mark and calls the subscribers on the committing thread (they only signal
 * a worker); a rollback or a close without a commit drops the mark.
 *
 * <p>Why not a {@code NOTIFY} from a trigger on {@code events}, as before V64: PostgreSQL serializes the commits of
 * all transactions that notified, under one lock held across the commit's WAL flush, so writes that record events
 * stopped committing in groups. pgbench of {@code POST /projects/{id}/tasks}'s transaction on this project's machine:
 * 1,227-1,383 tx/s with the trigger against 1,629-1,773 without at 32 clients. A process whose relay is off tells
 * the others with one notification after its commits instead ({@code RemoteRelayWakeUp} in bootstrap).
 *
 * <p>The marks are per thread (a use case's transaction commits on the thread that ran it) and per connection, so a
 * transaction of its own opened inside another on the same thread does not take the outer one's mark.
 */
@Singleton
public final class OutboxCommits {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxCommits.class);
    /** The pooled connections of this thread whose open transaction appended events (rarely more than one). */
    private static final ThreadLocal<List<Connection>> APPENDED = ThreadLocal.withInitial(() -> new ArrayList<>(2));

    private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();

    /** Calls {@code onCommit} after each commit of a transaction that appended events, on the committing thread. */
    public void subscribe(Runnable onCommit) {
        subscribers.add(onCommit);
    }

    public void unsubscribe(Runnable onCommit) {
        subscribers.remove(onCommit);
    }

    /** {@link Outbox}: events were appended in the transaction open on {@code connection} (the pool's connection). */
    static void appended(Connection connection) {
        List<Connection> marked = APPENDED.get();
        for (Connection each : marked) {
            if (each == connection) {
                return;
            }
        }
        marked.add(connection);
    }

    /**
     * The transaction open on {@code connection} ended: committed (the subscribers hear of it when it had appended
     * events) or not. {@code commits} may be null (a connection that never writes: the read replica's).
     */
    static void ended(Connection connection, boolean committed, @Nullable OutboxCommits commits) {
        List<Connection> marked = APPENDED.get();
        if (marked.isEmpty()) {
            return;
        }
        for (int i = 0; i < marked.size(); i++) {
            if (marked.get(i) == connection) {
                marked.remove(i);
                if (committed && commits != null) {
                    commits.committed();
                }
                return;
            }
        }
    }

    /** Connections of this thread marked and not yet ended (for tests: none once they are given back). */
    static int markedOnThisThread() {
        return APPENDED.get().size();
    }

    /** After the commit: a subscriber's failure must not turn a committed write into an error. */
    private void committed() {
        for (Runnable subscriber : subscribers) {
            try {
                subscriber.run();
            } catch (RuntimeException e) {
                LOG.warn("a subscriber to committed events failed: {}", e.toString());
            }
        }
    }
}
