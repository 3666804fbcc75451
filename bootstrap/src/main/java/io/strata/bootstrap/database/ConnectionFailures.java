package io.strata.bootstrap.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells, from an exception's cause chain, whether a request failed because the database could not be used, and
 * how: whatever layer wrapped it (Hibernate's {@code JDBCConnectionException}, Micronaut's
 * {@code CannotCreateTransactionException}, a commit failure), the cause chain holds pgjdbc's or Hikari's
 * {@link SQLException}, whose SQLSTATE says what happened.
 */
public final class ConnectionFailures {

    /** What kind of failure, from the most to the least serious. */
    public enum Kind {
        /** The server cannot be reached or dropped the connection: SQLSTATE class 08, 57P01-57P03. */
        UNREACHABLE,
        /** The pool or the ORM is closed: Strata is stopping. */
        CLOSED,
        /** No connection within the pool's timeout while the server answers (every connection busy), or too many clients (53300). */
        EXHAUSTED,
        /** Not a connection failure. */
        NONE
    }

    private ConnectionFailures() {}

    public static Kind classify(Throwable failure) {
        Kind kind = Kind.NONE;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            Kind here = classifyOne(t);
            if (here.ordinal() < kind.ordinal()) {
                kind = here;
            }
            if (t instanceof SQLException sql
                    && sql.getNextException() != null
                    && seen.get(sql.getNextException()) == null) {
                Kind next = classify(sql.getNextException());
                if (next.ordinal() < kind.ordinal()) {
                    kind = next;
                }
            }
        }
        return kind;
    }

    private static Kind classifyOne(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null
                    && (state.startsWith("08")
                            || state.equals("57P01")
                            || state.equals("57P02")
                            || state.equals("57P03"))) {
                return Kind.UNREACHABLE;
            }
            if (message.contains("has been closed")) { // HikariDataSource ... has been closed
                return Kind.CLOSED;
            }
            if (message.equals(
                    "Connection is closed")) { // Hikari's proxy of a connection it evicted as broken (no SQLSTATE)
                return Kind.UNREACHABLE;
            }
            if (t instanceof SQLNonTransientConnectionException) {
                return Kind.UNREACHABLE;
            }
            if (t instanceof SQLTransientConnectionException || "53300".equals(state)) {
                return Kind.EXHAUSTED; // a Hikari timeout; its cause, if any, says why the pool had nothing
            }
            return Kind.NONE;
        }
        String type = t.getClass().getName();
        if (type.equals("org.hibernate.exception.JDBCConnectionException")) {
            return Kind.UNREACHABLE;
        }
        if (type.equals("io.micronaut.transaction.exceptions.CannotCreateTransactionException")) {
            return Kind.EXHAUSTED; // no connection to begin with; the cause tells more
        }
        if (t instanceof IllegalStateException
                && (message.contains("EntityManagerFactory is closed")
                        || message.contains("SessionFactory is closed")
                        || message.contains("Session/EntityManager is closed"))) {
            return Kind.CLOSED;
        }
        return Kind.NONE;
    }
}
