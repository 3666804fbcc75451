package io.strata.adapters.persistence.shared.replica;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Sends read-only transactions to the read replica and everything else to the primary. A read-only use case
 * ({@code @ReadOnlyTransaction}) gets a connection marked read-only ({@code ReadOnlyConnections}); but the
 * transaction manager takes the connection before it marks it. So the connection handed out here is lazy: it
 * records the autocommit, read-only and isolation settings, and takes a real connection only when the first
 * statement needs one, from the replica when the transaction is read-only and the {@link ReplicaMonitor} lets the
 * replica serve (healthy, within the lag bound, and past the request's consistency token), else from the primary.
 * A replica that refuses the connection is taken out at once and the transaction runs on the primary.
 *
 * <p>A replica that dies while a read runs on it breaks that read's connection mid-transaction, where no connection
 * can be swapped; the read use case runs again instead, on the primary ({@link ReadAttempt}, {@link #retryOnPrimary}).
 */
public final class ReplicaRoutingDataSource implements DataSource, AutoCloseable {

    private final DataSource primary;
    private final DataSource replica;
    private final ReplicaMonitor monitor;

    public ReplicaRoutingDataSource(DataSource primary, DataSource replica, ReplicaMonitor monitor) {
        this.primary = primary;
        this.replica = replica;
        this.monitor = monitor;
    }

    public ReplicaMonitor monitor() {
        return monitor;
    }

    @Override
    public Connection getConnection() {
        return (Connection) Proxy.newProxyInstance(
                ReplicaRoutingDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, new Lazy());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return primary.getConnection(username, password);
    }

    /**
     * Whether a read use case that failed with {@code failure} should run again: it ran (at least in part) on the
     * replica, and the replica's connection broke. The replica is taken out first, so the next run goes to the
     * primary. A read-only transaction changed nothing, so running it again is safe.
     */
    public boolean retryOnPrimary(ReadAttempt attempt, Throwable failure) {
        if (!attempt.wentToReplica()) {
            return false;
        }
        SQLException lost = lostConnection(failure);
        if (lost == null) {
            return false;
        }
        monitor.replicaFailed(lost);
        monitor.readRetried();
        return true;
    }

    /**
     * The outermost read use case running on this thread: whether any of its connections went to the replica. A use
     * case called inside another joins that one's transaction; only the outermost may run again.
     */
    public static final class ReadAttempt implements AutoCloseable {
        private static final ThreadLocal<ReadAttempt> CURRENT = new ThreadLocal<>();
        private boolean onReplica;

        private ReadAttempt() {}

        /** Starts tracking this thread's reads; empty when an outer read is already tracked. */
        public static Optional<ReadAttempt> begin() {
            if (CURRENT.get() != null) {
                return Optional.empty();
            }
            ReadAttempt attempt = new ReadAttempt();
            CURRENT.set(attempt);
            return Optional.of(attempt);
        }

        public boolean wentToReplica() {
            return onReplica;
        }

        /** Tracks a new run of the same use case (after a failure). */
        public void reset() {
            onReplica = false;
        }

        private static void onReplica() {
            ReadAttempt attempt = CURRENT.get();
            if (attempt != null) {
                attempt.onReplica = true;
            }
        }

        @Override
        public void close() {
            CURRENT.remove();
        }
    }

    /** A connection that picks its server when it is first used. */
    private final class Lazy implements InvocationHandler {
        private Connection target;
        private boolean onReplica;
        private boolean autoCommit = true;
        private boolean readOnly;
        private Integer isolation;
        private boolean closed;
        private boolean lost; // the replica connection broke: nothing on it is left to undo or restore

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "lazy connection" + (target == null ? "" : " to " + target);
                case "isClosed":
                    return closed;
                case "close":
                    closed = true;
                    if (target != null && lost) {
                        closeQuietly(target); // broken: the pool discards it, whatever close says
                    } else if (target != null) {
                        target.close();
                    }
                    return null;
                default:
                    break;
            }
            if (target == null) {
                switch (name) {
                    case "setAutoCommit":
                        autoCommit = (Boolean) args[0];
                        return null;
                    case "getAutoCommit":
                        return autoCommit;
                    case "setReadOnly":
                        readOnly = (Boolean) args[0];
                        return null;
                    case "isReadOnly":
                        return readOnly;
                    case "setTransactionIsolation":
                        isolation = (Integer) args[0];
                        return null;
                    case "commit", "rollback", "clearWarnings":
                        return null; // nothing ran
                    case "getWarnings":
                        return null;
                    default:
                        if (closed) {
                            throw new SQLException("Connection is closed", "08003");
                        }
                        target = open();
                }
            }
            if (lost && CLEANUP.contains(name)) {
                return null;
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (onReplica && cause instanceof SQLException sql && lostConnection(sql) != null) {
                    monitor.replicaFailed(sql);
                    lost = true;
                    if (CLEANUP.contains(name)) {
                        // the transaction manager rolling back or restoring settings after the failure: a read-only
                        // transaction on a server that is gone has nothing to undo, and an exception here would
                        // replace the read's own failure (which the read use case's retry looks for)
                        return null;
                    }
                }
                throw cause;
            }
        }

        private Connection open() throws SQLException {
            Connection connection = null;
            if (readOnly && monitor.serves(ReadConsistency.current())) {
                try {
                    connection = replica.getConnection();
                    onReplica = true;
                    ReadAttempt.onReplica();
                } catch (SQLException e) {
                    monitor.replicaFailed(e);
                }
            }
            if (connection == null) {
                connection = primary.getConnection();
            }
            if (readOnly) {
                monitor.counted(onReplica);
            }
            try {
                if (isolation != null) {
                    connection.setTransactionIsolation(isolation);
                }
                connection.setReadOnly(readOnly);
                connection.setAutoCommit(autoCommit); // off: a transaction begins (row-level security's settings)
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return connection;
        }
    }

    /** What a transaction manager calls to end a transaction and hand the connection back. */
    private static final Set<String> CLEANUP = Set.of(
            "rollback", "setAutoCommit", "setReadOnly", "setTransactionIsolation", "clearWarnings", "getWarnings");

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // a broken replica connection: the pool discards it
        }
    }

    /** The SQLException in {@code failure}'s causes that says the server is gone (class 08, 57P), or null. */
    private static SQLException lostConnection(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null && (e == sql || seen.add(e)); e = e.getNextException()) {
                    String state = e.getSQLState();
                    if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                        return e;
                    }
                }
            }
        }
        return null;
    }

    /** Closes both sides (closing a Hikari pool twice is harmless). */
    @Override
    public void close() throws Exception {
        monitor.close();
        if (replica instanceof AutoCloseable closeable) {
            closeable.close();
        }
        if (primary instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return primary.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        primary.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        primary.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return primary.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return primary.getParentLogger();
    }

    /** The primary's pool (metrics, the outage circuit) is what unwrapping reaches. */
    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : primary.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || primary.isWrapperFor(type);
    }
}
