package io.strata.bench.baseline;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Transactions on the pool, the way Strata's run on the wire: autocommit off for the transaction, so pgjdbc
 * sends {@code BEGIN} before the first statement and {@code COMMIT} at the end (a read-only one marks the
 * connection read-only, so pgjdbc sends {@code BEGIN READ ONLY}, like Strata's read-only transactions); the
 * row-level security settings go in front of the transaction's first statement, in its round trip, as Strata sends
 * them (its ActingFirstStatement). Any exception rolls back.
 * Plus the few column conversions the baseline needs.
 */
final class Jdbc {
    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource pool;

    Jdbc(DataSource pool) {
        this.pool = pool;
    }

    /** Strata's row-level security settings, sent in front of a transaction's first statement as Strata sends them. */
    private static final String SET_ACTING =
            "SELECT set_config('strata.role', ?, true), set_config('strata.user_id', ?, true);\n";

    /** A transaction as {@code role} / {@code userId} ({@code ""} for none), like Strata's acting user. */
    <T> T transaction(String role, String userId, Work<T> work) {
        return run(false, role, userId, work);
    }

    <T> T readOnly(String role, String userId, Work<T> work) {
        return run(true, role, userId, work);
    }

    private <T> T run(boolean readOnly, String role, String userId, Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            // the pool hands out autocommit connections (Hikari validates idle ones with SELECT 1 outside any
            // transaction, as Strata's pool does) and restores autocommit when the connection comes back
            connection.setReadOnly(readOnly);   // the pool resets it when the connection comes back
            connection.setAutoCommit(false);
            try {
                T result = work.run(actingFirst(connection, role, userId));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    /** The two proxy classes' constructors, looked up once as Strata looks up its one. */
    private static final Constructor<?> CONNECTION = proxyConstructor(Connection.class);
    private static final Constructor<?> STATEMENT = proxyConstructor(PreparedStatement.class);

    private static Constructor<?> proxyConstructor(Class<?> type) {
        try {
            return Proxy.newProxyInstance(Jdbc.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> null)
                    .getClass().getConstructor(InvocationHandler.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T proxy(Constructor<?> constructor, Class<T> type, InvocationHandler handler) {
        try {
            return type.cast(constructor.newInstance(handler));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code connection} whose first {@code prepareStatement(sql)} carries the settings in front of {@code sql}. */
    private static Connection actingFirst(Connection connection, String role, String userId) {
        boolean[] owed = {true};
        return proxy(CONNECTION, Connection.class, (proxy, method, arguments) -> {
            if (owed[0] && method.getName().equals("prepareStatement") && arguments.length == 1) {
                owed[0] = false;
                return settingsFirst(connection.prepareStatement(SET_ACTING + arguments[0]), role, userId);
            }
            return call(connection, method, arguments);
        });
    }

    /**
     * The first statement behind the settings: its parameters two places on, {@code executeQuery} and
     * {@code executeUpdate} answering its own result.
     */
    private static PreparedStatement settingsFirst(PreparedStatement statement, String role, String userId)
            throws SQLException {
        statement.setString(1, role);
        statement.setString(2, userId);
        return proxy(STATEMENT, PreparedStatement.class, (proxy, method, arguments) -> {
            String name = method.getName();
            if (name.startsWith("set") && method.getDeclaringClass() == PreparedStatement.class) {
                arguments[0] = (Integer) arguments[0] + 2;
            } else if (arguments == null && (name.equals("executeQuery") || name.equals("executeUpdate"))) {
                statement.execute();
                statement.getMoreResults();
                return name.equals("executeQuery") ? statement.getResultSet() : statement.getUpdateCount();
            }
            return call(statement, method, arguments);
        });
    }

    private static Object call(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The wall clock at PostgreSQL's timestamptz precision, as Strata's Clock.system(). */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A timestamptz parameter (pgjdbc binds OffsetDateTime as timestamptz). */
    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** A text[] column (never null in this schema). */
    static String[] strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        try {
            return (String[]) array.getArray();
        } finally {
            array.free();
        }
    }
}
