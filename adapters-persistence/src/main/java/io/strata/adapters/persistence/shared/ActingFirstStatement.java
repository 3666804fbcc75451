package io.strata.adapters.persistence.shared;

import io.strata.adapters.persistence.shared.RowSecurity.Acting;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The first statement of a {@link JdbcTransaction}, sent together with the transaction's row-level security settings:
 * {@code SELECT set_config(...); <the statement>} as one prepared statement, which pgjdbc sends in one round trip
 * (with the {@code BEGIN} it owes), and PostgreSQL runs in order, so the statement already sees who acts. Sent apart,
 * the settings cost a round trip of their own in every transaction: a read of one query took three round trips, now
 * two, which matters most with a database across a network.
 *
 * <p>The statement's code binds and executes it as if it were alone: its parameters move two places on (the settings
 * take the first two), {@code executeQuery}, {@code executeUpdate} and {@code execute} answer the statement's own
 * result (the settings' row is skipped), and everything else is the driver's statement (no batches: a batch would
 * send the settings again with every row). A failure of either part fails the execution,
 * with PostgreSQL's error, as the statement alone would.
 */
final class ActingFirstStatement implements InvocationHandler {
    /** How many parameters the settings take ahead of the statement's own. */
    private static final int SETTINGS = 2;
    /** The proxy class's constructor, looked up once (Proxy.newProxyInstance looks the class up at every call). */
    private static final Constructor<?> PROXY = proxyConstructor();

    private final PreparedStatement statement;

    private ActingFirstStatement(PreparedStatement statement) {
        this.statement = statement;
    }

    /** Prepares {@code sql} on {@code connection} behind {@code acting}'s settings. */
    static PreparedStatement prepare(Connection connection, String sql, Acting acting) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(RowSecurity.SET_ACTING + ";\n" + sql);
        try {
            statement.setString(1, acting.role());
            statement.setString(2, acting.userId());
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        try {
            return (PreparedStatement) PROXY.newInstance(new ActingFirstStatement(statement));
        } catch (ReflectiveOperationException e) {
            statement.close();
            throw new IllegalStateException("cannot make the first statement's proxy", e);
        }
    }

    private static Constructor<?> proxyConstructor() {
        Object sample = Proxy.newProxyInstance(
                ActingFirstStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                (proxy, method, arguments) -> null);
        try {
            return sample.getClass().getConstructor(InvocationHandler.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == PreparedStatement.class) {
            if (arguments != null
                    && arguments.length > 0
                    && name.startsWith("set")
                    && arguments[0] instanceof Integer index) {
                arguments[0] =
                        index + SETTINGS; // every setter PreparedStatement declares takes the parameter's index first
            } else if (name.equals("clearParameters") || name.equals("addBatch")) {
                throw new SQLException(name + " is not for the first statement of a transaction, which carries its "
                        + "row-level security settings");
            } else if (name.equals("execute") && arguments == null) {
                return statementsResult().rows() != null;
            } else if (name.equals("executeQuery") && arguments == null) {
                return statementsResult().orElseThrow("No results were returned by the query.", "02000");
            } else if ((name.equals("executeUpdate") || name.equals("executeLargeUpdate")) && arguments == null) {
                Result result = statementsResult();
                if (result.rows() != null) {
                    result.rows().close();
                    throw new SQLException("A result was returned when none was expected.", "0100E");
                }
                return name.equals("executeUpdate")
                        ? (Object) statement.getUpdateCount()
                        : (Object) statement.getLargeUpdateCount();
            }
        } else if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> proxy == arguments[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "acting first: " + statement;
            };
        }
        try {
            return method.invoke(statement, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Runs both parts; positioned on the statement's own result (its rows, or none and an update count). */
    private Result statementsResult() throws SQLException {
        statement.execute(); // the settings' row first
        statement.getMoreResults(); // closes it
        return new Result(statement.getResultSet());
    }

    private record Result(ResultSet rows) {
        ResultSet orElseThrow(String message, String state) throws SQLException {
            if (rows == null) {
                throw new SQLException(message, state);
            }
            return rows;
        }
    }
}
