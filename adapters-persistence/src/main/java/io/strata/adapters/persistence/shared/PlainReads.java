package io.strata.adapters.persistence.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.descriptor.WrapperOptions;
import org.postgresql.PGResultSetMetaData;

/**
 * A hot read that needs no managed entity: one SQL statement on the transaction's own connection, its rows
 * read straight into a detached row object, which the context's MapStruct mapper turns into the aggregate as
 * always. It skips what a read-only transaction never uses (query interpretation, entity hydration, the
 * persistence context's snapshots), which the benchmark's profile showed to be about a third of the CPU of
 * {@code GET /projects/{id}}.
 *
 * <p>An aggregate read this way in a read-write transaction can only be saved if its adapter keeps the row for the
 * save ({@link AggregateWrites#readForChange}, the workspace's); other adapters read it so only in read-only
 * transactions ({@link #readOnly}) and keep their Hibernate path for a use case that reads and then saves. A
 * transaction whose statements all go this way ({@link #statements}) has no session at all ({@link JdbcTransaction}).
 * A statement whose result is no entity (a count) may use {@link #statements} in any transaction, once the session's
 * changes it depends on are flushed: nothing flushes for it. The statement goes through Hibernate's JDBC coordinator
 * (or, without a session, the same services), so it is counted by Hibernate's statistics, logged when slow
 * ({@code STRATA_SLOW_STATEMENT_MS}), and its {@link SQLException}s are converted as Hibernate converts its own (a
 * lost connection is the same outage, answered 503).
 */
public final class PlainReads {
    /** {@link PGResultSetMetaData#getFormat}'s answer for a column PostgreSQL sent in binary. */
    private static final int BINARY_FORMAT = 1;
    /** The length of a UUID's text: 8-4-4-4-12 hex digits. */
    private static final int UUID_TEXT = 36;

    private PlainReads() {}

    /** Binds the statement's parameters. */
    @FunctionalInterface
    public interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Work of its own on the transaction's connection: what one statement with its parameters cannot say. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Reads the whole result (positioned before its first row). */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Where a read-only transaction's plain statements run: its session, or its connection when it has none. */
    public interface ReadOnly {
        /** Runs {@code sql} in the transaction and reads its result with {@code reader}. */
        <T> T query(String sql, Parameters parameters, Reader<T> reader);

        /** The session factory whose metamodel and types the statements' rows are read with. */
        SessionFactoryImplementor factory();

        /**
         * How Hibernate's types bind and convert values in this transaction: its session, or, without one, the session
         * factory's options, which answer a type that asks for a session with {@link JdbcTransaction.NeedsSession}.
         */
        WrapperOptions wrapperOptions();

        /** {@link #query} of a statement whose one parameter is the row's id. */
        default <T> T byId(String sql, UUID id, Reader<T> reader) {
            return query(sql, statement -> statement.setObject(1, id), reader);
        }
    }

    /**
     * Where any transaction's plain statements run, writes included: its session's connection, or its own when it has
     * no session ({@link JdbcTransaction}).
     */
    public interface Statements extends ReadOnly {
        /** Runs {@code sql}, a write, in the transaction; returns the update count. Nothing is flushed for it. */
        int update(String sql, Parameters parameters);

        /**
         * Runs {@code work} on the transaction's connection (arrays it creates, statements it prepares and closes
         * itself), as {@code Session.doWork} does, without needing a session: in a transaction that has none it is
         * that transaction's connection. Its {@link SQLException}s are converted as a statement's are.
         */
        <T> T work(ConnectionWork<T> work);

        /**
         * The rows {@code table} read for change in this transaction, by id ({@link AggregateWrites#readForChange}):
         * made empty on first use when {@code create}, null otherwise. They last as long as the transaction.
         */
        <V> @Nullable Map<UUID, V> rowsReadForChange(AggregateTable<?> table, boolean create);
    }

    /**
     * The current transaction when it is read-only: the read's {@link JdbcTransaction} running on this thread, or the
     * session of Micronaut's read-only transaction; null in a read-write transaction.
     */
    public static @Nullable ReadOnly readOnly(EntityManager entityManager) {
        JdbcTransaction jdbc = JdbcTransaction.current();
        if (jdbc != null) {
            return jdbc.readOnly() ? jdbc : null;
        }
        SessionImplementor session = readOnlySession(entityManager);
        return session == null ? null : new SessionStatements(session);
    }

    /**
     * The current transaction when it has no Hibernate session (a {@link JdbcTransaction}, read-only or not); null in
     * Micronaut's transaction. An aggregate read there is held by no session: saving it later in that transaction
     * needs one, which moves the use case to Micronaut's transaction, where it is read again through Hibernate.
     */
    public static @Nullable Statements withoutSession() {
        return JdbcTransaction.current();
    }

    /**
     * The current transaction's plain statements: the {@link JdbcTransaction} running on this thread, or the session
     * of Micronaut's transaction.
     */
    public static Statements statements(EntityManager entityManager) {
        JdbcTransaction jdbc = JdbcTransaction.current();
        return jdbc != null ? jdbc : new SessionStatements(entityManager.unwrap(SessionImplementor.class));
    }

    /**
     * After a plain statement changed the row of entity {@code type} with {@code id}: a copy of it that the
     * transaction's session holds (a read through Hibernate earlier in the transaction) is dropped from the session,
     * so a later read there reads the row as it is now and a later save compares with its new version. Nothing to do
     * in a transaction without a session.
     */
    public static void forgetLoaded(Statements statements, Class<?> type, Object id) {
        if (statements instanceof SessionStatements sessionStatements) {
            SessionImplementor session = sessionStatements.session();
            EntityPersister persister =
                    session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
            Object loaded = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister));
            if (loaded != null) {
                session.evict(loaded);
            }
        }
    }

    /**
     * The rows read for change in each session's transaction, by table. Weak keys: a session's rows go with it,
     * whatever way its transaction ended. (A {@link JdbcTransaction} keeps its own, in a field: cheaper.)
     */
    private static final Cache<SessionImplementor, Map<AggregateTable<?>, Map<UUID, ?>>> READ_IN_SESSIONS =
            Caffeine.newBuilder().weakKeys().build();

    @SuppressWarnings("unchecked")
    private static <V> @Nullable Map<UUID, V> rowsReadInSessions(
            SessionImplementor session, AggregateTable<?> table, boolean create) {
        Map<AggregateTable<?>, Map<UUID, ?>> tables = create
                ? READ_IN_SESSIONS.get(session, key -> new HashMap<>(4))
                : READ_IN_SESSIONS.getIfPresent(session);
        if (tables == null) {
            return null;
        }
        return (Map<UUID, V>) (create ? tables.computeIfAbsent(table, key -> new HashMap<>(4)) : tables.get(table));
    }

    /** A session's statements, on its JDBC coordinator ({@link #query}, {@link #update}). */
    private record SessionStatements(SessionImplementor session) implements Statements {
        @Override
        public <T> T query(String sql, Parameters parameters, Reader<T> reader) {
            return PlainReads.query(session, sql, parameters, reader);
        }

        @Override
        public int update(String sql, Parameters parameters) {
            return PlainReads.update(session, sql, parameters);
        }

        @Override
        public <T> T work(ConnectionWork<T> work) {
            return session.doReturningWork(work::run);
        }

        @Override
        public <V> @Nullable Map<UUID, V> rowsReadForChange(AggregateTable<?> table, boolean create) {
            return rowsReadInSessions(session, table, create);
        }

        @Override
        public SessionFactoryImplementor factory() {
            return session.getFactory();
        }

        @Override
        public WrapperOptions wrapperOptions() {
            return session;
        }
    }

    /**
     * The current transaction's session when the transaction is read-only (the transaction manager made the
     * session read-only by default, which also switches flushing off, so nothing read in it is ever written back);
     * null otherwise. One lookup of the session serves the check and the read: each lookup through the
     * transactional session proxy searches the request's propagated context.
     */
    private static @Nullable SessionImplementor readOnlySession(EntityManager entityManager) {
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        return session.isDefaultReadOnly() ? session : null;
    }

    /** Runs {@code sql} in the session's transaction and reads its result with {@code reader}. */
    public static <T> T query(
            SharedSessionContractImplementor session, String sql, Parameters parameters, Reader<T> reader) {
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql);
        try {
            parameters.bind(statement);
            ResultSet rows = jdbc.getResultSetReturn().extract(statement, sql);
            return reader.read(rows);
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "could not read", sql);
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }

    /**
     * Runs {@code sql}, a write (the outbox append, an {@link AggregateTable}'s insert or update), in the session's
     * transaction on the same path as {@link #query}; returns the update count. Nothing is flushed for it.
     */
    static int update(SharedSessionContractImplementor session, String sql, Parameters parameters) {
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql);
        try {
            parameters.bind(statement);
            return jdbc.getResultSetReturn().executeUpdate(statement, sql);
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "could not write", sql);
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }

    /**
     * A {@code LEFT JOIN}ed child column (members, dependencies), read from the current row and every row after
     * it; a null (no child) is skipped.
     */
    public static List<UUID> childIds(ResultSet rows, int column) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        do {
            UUID id = rows.getObject(column, UUID.class);
            if (id != null) {
                ids.add(id);
            }
        } while (rows.next());
        return ids;
    }

    /** An instant as pgjdbc binds a {@code timestamptz}, in UTC: {@link #setInstant}'s way for what binary cannot. */
    private static @Nullable OffsetDateTime timestamp(@Nullable Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }

    /**
     * Binds a {@code timestamptz} parameter (null: SQL NULL), in PostgreSQL's binary form ({@link BinaryTimestamp});
     * an instant too far from today for that is bound as {@link #timestamp} makes it, for PostgreSQL to refuse.
     */
    public static void setInstant(PreparedStatement statement, int index, @Nullable Instant value) throws SQLException {
        BinaryTimestamp binary = value == null ? null : BinaryTimestamp.of(value);
        if (binary != null) {
            statement.setObject(index, binary);
        } else {
            statement.setObject(index, timestamp(value), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    /**
     * A {@code timestamptz} column: decoded here when PostgreSQL sent it in binary (a server-prepared statement's
     * result: {@link BinaryTimestamp}), through pgjdbc when it sent text.
     */
    public static Instant instant(ResultSet rows, int column) throws SQLException {
        if (sentInBinary(rows, column)) {
            byte[] value = rows.getBytes(column);
            return value == null ? null : BinaryTimestamp.instant(value);
        }
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A {@code text[]} column. */
    public static String[] strings(ResultSet rows, int column) throws SQLException {
        return array(rows, column, String[].class);
    }

    /**
     * A {@code uuid[]} column (an {@code array(SELECT ...)} of child ids), in its order; null: none. pgjdbc receives
     * {@code uuid[]} as text, which this reads itself when it is a plain list ({@code {id,id}}: no element is quoted
     * or null), as its generic array parser is ~1% of a task's creation; anything else goes to pgjdbc's.
     */
    public static List<UUID> uuids(ResultSet rows, int column) throws SQLException {
        if (!sentInBinary(rows, column)) {
            String text = rows.getString(column);
            if (text == null) {
                return List.of();
            }
            List<UUID> ids = uuidList(text);
            if (ids != null) {
                return ids;
            }
        }
        UUID[] ids = array(rows, column, UUID[].class);
        return ids == null ? List.of() : List.of(ids);
    }

    /** Whether PostgreSQL sent the column in binary: pgjdbc asks for binary results once a statement is prepared. */
    private static boolean sentInBinary(ResultSet rows, int column) throws SQLException {
        return rows.getMetaData() instanceof PGResultSetMetaData format && format.getFormat(column) == BINARY_FORMAT;
    }

    /** The ids of a {@code uuid[]}'s text, {@code {}} or {@code {id,...,id}}; null when it is not that plain. */
    static @Nullable List<UUID> uuidList(String text) {
        int length = text.length();
        if (length < 2 || text.charAt(0) != '{' || text.charAt(length - 1) != '}') {
            return null;
        }
        if (length == 2) {
            return List.of();
        }
        int count = (length - 1) / (UUID_TEXT + 1);
        if (count * (UUID_TEXT + 1) + 1 != length) {
            return null; // not ids of 36 characters each, one comma apart
        }
        UUID[] ids = new UUID[count];
        for (int i = 0; i < count; i++) {
            int start = 1 + i * (UUID_TEXT + 1);
            char after = text.charAt(start + UUID_TEXT);
            if (after != (i == count - 1 ? '}' : ',')) {
                return null;
            }
            try {
                ids[i] = UUID.fromString(text.substring(start, start + UUID_TEXT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return List.of(ids);
    }

    private static <T> T array(ResultSet rows, int column, Class<T> type) throws SQLException {
        Array array = rows.getArray(column);
        if (array == null) {
            return null;
        }
        try {
            return type.cast(array.getArray());
        } finally {
            array.free();
        }
    }

    /** An enum stored by name. */
    public static <E extends Enum<E>> E enumValue(ResultSet rows, int column, Class<E> type) throws SQLException {
        String value = rows.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** A {@code jsonb} object column, read as Hibernate reads one ({@link JsonColumns}). */
    public static Map<String, Object> jsonObject(ResultSet rows, int column) throws SQLException {
        String json = rows.getString(column);
        if (json == null) {
            return null;
        }
        try {
            return JsonColumns.object(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("column " + column + " is not a JSON object", e);
        }
    }

    /** A nullable {@code date} column. */
    public static java.time.LocalDate date(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, java.time.LocalDate.class);
    }
}
