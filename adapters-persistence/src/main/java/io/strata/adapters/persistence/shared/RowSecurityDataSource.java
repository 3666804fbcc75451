package io.strata.adapters.persistence.shared;

import io.micronaut.core.annotation.Nullable;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's data source with row-level security applied: when a transaction begins on one of its
 * connections ({@code setAutoCommit(false)}, which Hibernate calls at every begin), it first sets who acts
 * ({@link RowSecurity#current()}) with {@code set_config(..., true)}. pgjdbc sends that statement in the same round
 * trip as the {@code BEGIN} it owes (it sends {@code BEGIN} lazily, with a transaction's first statement): BEGIN +
 * settings, the use case's statements, COMMIT. A {@link JdbcTransaction} begins without them and sends them in
 * front of its first statement instead, in that statement's round trip ({@link ActingFirstStatement}). Everything
 * else is the pool's ({@code unwrap} reaches Hikari).
 */
public final class RowSecurityDataSource implements DataSource, AutoCloseable {

    private final DataSource pool;
    private final @Nullable OutboxCommits outboxCommits;

    /** A data source whose connections never write (the read replica's): no commit is reported. */
    public RowSecurityDataSource(DataSource pool) {
        this(pool, null);
    }

    /** @param outboxCommits told when a transaction that appended events commits on one of its connections */
    public RowSecurityDataSource(DataSource pool, @Nullable OutboxCommits outboxCommits) {
        this.pool = pool;
        this.outboxCommits = outboxCommits;
    }

    /** A connection of the pool; none while a {@link JdbcTransaction} runs on this thread, but its own. */
    @Override
    public Connection getConnection() throws SQLException {
        JdbcTransaction.refuseOtherConnections();
        return acting(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        JdbcTransaction.refuseOtherConnections();
        return acting(pool.getConnection(username, password));
    }

    private Connection acting(Connection connection) {
        return new RowSecurityConnection(connection, outboxCommits);
    }

    /** Closes the pool (its factory may close it too: closing a Hikari pool twice is harmless). */
    @Override
    public void close() throws Exception {
        if (pool instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? (T) this : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || type.isInstance(pool) || pool.isWrapperFor(type);
    }
}
