package io.strata.adapters.persistence.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import io.micronaut.transaction.exceptions.CannotCreateTransactionException;
import io.strata.adapters.persistence.shared.RowSecurity.Acting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.LobCreator;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;
import org.hibernate.engine.jdbc.spi.SqlStatementLogger;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.stat.spi.StatisticsImplementor;
import org.hibernate.type.descriptor.WrapperOptions;

/**
 * A transaction held on one JDBC connection, without a Hibernate session: what a use case runs in when everything it
 * does goes through plain statements ({@link PlainReads}, {@link AggregateWrites}' plain path, {@link Outbox});
 * bootstrap's {@code JdbcTransactionInterceptor} decides. Micronaut's transaction manager opens a Hibernate session,
 * begins and commits its transaction (with a flush) and closes it around those statements: with Micronaut's
 * transaction layers, about a tenth of the CPU of {@code GET /users/{id}} in the benchmark's profile, none of it needed
 * by statements that hydrate no entity.
 *
 * <p>A read ({@code @ReadOnlyTransaction}) runs read-only; a write ({@code @Transactional} declared
 * {@code @Rerunnable}) read-write. The connection is taken on the first statement, from the connection provider
 * Hibernate's sessions take theirs from (row-level security's settings go with the first statement,
 * {@link ActingFirstStatement}; a replica router sees the read-only flag), and begun as Micronaut's manager does.
 * Statements are counted by Hibernate's statistics, logged when slow, and their {@link SQLException}s converted, as
 * for statements of a session.
 *
 * <p>Anything that needs a session or a second connection while this transaction runs on the thread (an
 * {@code EntityManager} call, a repository, a nested transaction) is refused with {@link NeedsSession}, and the
 * transaction remembers it: the interceptor then rolls it back and runs the use case again, from the start, in
 * Micronaut's transaction. A read changes nothing, so running it again is safe (the read replica's failover does the
 * same); a write is tried here only when its use case declares that everything it does is undone by a rollback.
 */
public final class JdbcTransaction implements PropagatedContextElement, PlainReads.Statements {
    private final SessionFactoryImplementor factory;
    private final boolean readOnly;
    private @Nullable Connection connection;
    /** Inside this transaction's own use of its connection: the checkouts it causes are its own. */
    private boolean ownCalls;

    /** Who acts, while the settings wait for this transaction's first statement ({@link ActingFirstStatement}). */
    private @Nullable Acting owedSettings;

    private boolean needsSession;
    private boolean rollbackOnly;
    private int statements;

    /** The rows each {@link AggregateTable} read for change in this transaction (by table), while it runs. */
    private @Nullable Map<AggregateTable<?>, Map<UUID, ?>> readForChange;

    /** A transaction, read-only or not, that begins with its first statement. */
    public JdbcTransaction(SessionFactoryImplementor factory, boolean readOnly) {
        this.factory = factory;
        this.readOnly = readOnly;
    }

    /** Whether this is a read's transaction (its connection is read-only). */
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public SessionFactoryImplementor factory() {
        return factory;
    }

    @Override
    public WrapperOptions wrapperOptions() {
        return new SessionlessOptions(this, factory.getWrapperOptions());
    }

    /** The session factory's options; a type that asks for the session is told that this use case needs one. */
    private record SessionlessOptions(JdbcTransaction transaction, WrapperOptions factory) implements WrapperOptions {
        @Override
        public SharedSessionContractImplementor getSession() {
            throw transaction.needsSession();
        }

        @Override
        public SessionFactoryImplementor getSessionFactory() {
            return factory.getSessionFactory();
        }

        @Override
        public Dialect getDialect() {
            return factory.getDialect();
        }

        @Override
        public boolean useStreamForLobBinding() {
            return factory.useStreamForLobBinding();
        }

        @Override
        public int getPreferredSqlTypeCodeForBoolean() {
            return factory.getPreferredSqlTypeCodeForBoolean();
        }

        @Override
        public LobCreator getLobCreator() {
            return factory.getLobCreator();
        }

        @Override
        public TimeZone getJdbcTimeZone() {
            return factory.getJdbcTimeZone();
        }
    }

    /** Kept in a field of this transaction: a weak-keyed cache's lookup was ~2% of {@code PATCH}'s CPU. */
    @Override
    @SuppressWarnings("unchecked")
    public <V> @Nullable Map<UUID, V> rowsReadForChange(AggregateTable<?> table, boolean create) {
        if (readForChange == null) {
            if (!create) {
                return null;
            }
            readForChange = new IdentityHashMap<>(4);
        }
        return (Map<UUID, V>)
                (create ? readForChange.computeIfAbsent(table, key -> new HashMap<>(4)) : readForChange.get(table));
    }

    /** The transaction running on this thread, or null. */
    public static @Nullable JdbcTransaction current() {
        return PropagatedContext.getOrEmpty().find(JdbcTransaction.class).orElse(null);
    }

    /**
     * Refuses a connection asked for by anything but the current transaction itself (its data source calls this
     * before every checkout): a second connection is a session or a transaction of its own.
     */
    static void refuseOtherConnections() {
        JdbcTransaction running = current();
        if (running != null && !running.ownCalls) {
            throw running.needsSession();
        }
    }

    /** Marks the transaction as needing a session and returns the exception that says so. */
    NeedsSession needsSession() {
        needsSession = true;
        return NeedsSession.INSTANCE;
    }

    /**
     * Whether {@code manager} (Micronaut's transaction manager) has a transaction running on this thread, as its
     * {@code findTransactionStatus} ({@code lookup}) tells, found the cheaper way ({@link PropagatedStatus}).
     */
    public static boolean micronautTransactionRunning(Object manager, Supplier<? extends Optional<?>> lookup) {
        return PropagatedStatus.TRANSACTION.find(manager, lookup) != null;
    }

    /** Whether the use case asked for a session (it then runs again in a transaction that has one). */
    public boolean needsSessionMarked() {
        return needsSession;
    }

    /** A step failed: the transaction ends in a rollback, as a participating failure marks Micronaut's. */
    void markRollbackOnly() {
        rollbackOnly = true;
    }

    /** Whether a step failed ({@link #markRollbackOnly}). */
    public boolean rollbackOnly() {
        return rollbackOnly;
    }

    /** Whether a statement ran (a run abandoned for a session then cost the database something). */
    public boolean ranStatements() {
        return statements > 0;
    }

    /** Runs {@code sql} on this transaction's connection and reads its result with {@code reader}. */
    @Override
    public <T> T query(String sql, PlainReads.Parameters parameters, PlainReads.Reader<T> reader) {
        return run(sql, parameters, "could not read", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        });
    }

    /** Runs {@code sql}, a write, on this transaction's connection; returns the update count. */
    @Override
    public int update(String sql, PlainReads.Parameters parameters) {
        return run(sql, parameters, "could not write", PreparedStatement::executeUpdate);
    }

    /**
     * Runs {@code work} on this transaction's connection. What it runs is neither counted by Hibernate's statistics nor
     * slow-logged statement by statement (as with a session's {@code doWork}); it counts as a statement that ran.
     */
    @Override
    public <T> T work(PlainReads.ConnectionWork<T> work) {
        ownCalls = true;
        try {
            Connection open = connection();
            statements++;
            Acting owed = owedSettings;
            if (owed != null) {
                owedSettings = null;
                RowSecurity.apply(open, owed); // work of its own sees who acts from its first statement on
            }
            return work.run(open);
        } catch (SQLException e) {
            throw exceptions().convert(e, "could not run JDBC work");
        } finally {
            ownCalls = false;
        }
    }

    /** What a statement does once bound: execute it and read what it returned. */
    @FunctionalInterface
    private interface Execution<T> {
        T execute(PreparedStatement statement) throws SQLException;
    }

    /** Prepares, binds and executes one statement, counted, slow-logged and converted as a session's are. */
    private <T> T run(String sql, PlainReads.Parameters parameters, String failure, Execution<T> execution) {
        JdbcServices jdbc = factory.getJdbcServices();
        SqlStatementLogger log = jdbc.getSqlStatementLogger();
        StatisticsImplementor statistics = factory.getStatistics();
        boolean counted = statistics.isStatisticsEnabled();
        log.logStatement(sql);
        ownCalls = true; // a lazy connection (the read replica's router) takes its pooled one on the first statement
        try {
            Connection open = connection();
            Acting owed = owedSettings;
            owedSettings = null;
            try (PreparedStatement statement =
                    owed == null ? open.prepareStatement(sql) : ActingFirstStatement.prepare(open, sql, owed)) {
                statements++;
                if (counted) {
                    statistics.prepareStatement();
                }
                parameters.bind(statement);
                long start = log.getLogSlowQuery() > 0 ? System.nanoTime() : 0;
                T result = execution.execute(statement);
                if (start != 0) {
                    log.logSlowQuery(sql, start, null);
                }
                return result;
            } finally {
                if (counted) {
                    statistics.closeStatement();
                }
            }
        } catch (SQLException e) {
            throw exceptions().convert(e, failure, sql);
        } finally {
            ownCalls = false;
        }
    }

    private Connection connection() {
        Connection open = connection;
        if (open != null) {
            return open;
        }
        try {
            open = factory.getServiceRegistry()
                    .requireService(ConnectionProvider.class)
                    .getConnection();
        } catch (SQLException | RuntimeException e) {
            throw new CannotCreateTransactionException("Could not open a transaction", e);
        }
        connection = open;
        try {
            if (readOnly) {
                open.setReadOnly(true);
            }
            if (open instanceof RowSecurityConnection secured) {
                owedSettings = secured.beginOwingSettings(); // sent with the first statement, in its round trip
            } else {
                open.setAutoCommit(false); // begins (a replica router's connection sets who acts as it begins)
            }
        } catch (SQLException e) {
            throw new CannotCreateTransactionException(
                    "Could not begin a transaction", exceptions().convert(e, "could not begin"));
        }
        return open;
    }

    /**
     * Ends the transaction: a commit when {@code commit} (a rollback otherwise) if a connection was taken, then the
     * connection back to the pool. A failed commit is thrown, converted as Hibernate converts its own.
     */
    public void end(boolean commit) {
        Connection open = connection;
        if (open == null) {
            return;
        }
        connection = null;
        owedSettings = null;
        readForChange = null;
        RuntimeException failure = null;
        ownCalls = true;
        try {
            if (commit) {
                open.commit();
            } else {
                open.rollback();
            }
        } catch (SQLException e) {
            failure = commit ? exceptions().convert(e, "could not commit") : null; // a failed rollback: nothing to undo
        } finally {
            try {
                factory.getServiceRegistry()
                        .requireService(ConnectionProvider.class)
                        .closeConnection(open);
            } catch (SQLException e) {
                // the pool evicts a connection it cannot reset; the transaction's outcome stands
            }
            ownCalls = false;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private SqlExceptionHelper exceptions() {
        return factory.getJdbcServices().getSqlExceptionHelper();
    }

    /**
     * Thrown at the first need of a session inside a {@link JdbcTransaction}; the interceptor runs the use case
     * again in a transaction with a session. Shared and without a stack trace: it is a signal, not a failure.
     */
    static final class NeedsSession extends RuntimeException {
        static final NeedsSession INSTANCE = new NeedsSession();

        private NeedsSession() {
            super(
                    "this use case needs a Hibernate session: it runs again in a transaction that has one",
                    null,
                    false,
                    false);
        }
    }
}
