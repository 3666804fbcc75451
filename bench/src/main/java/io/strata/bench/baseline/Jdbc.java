package io.strata.bench.baseline;

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
 * connection read-only, so pgjdbc sends {@code BEGIN READ ONLY}, like Strata's read-only transactions). Any
 * exception rolls back.
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

    /** Strata's row-level security settings, sent with the transaction's BEGIN as Strata sends them. */
    private static final String SET_ACTING =
            "SELECT set_config('strata.role', ?, true), set_config('strata.user_id', ?, true)";

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
            try (PreparedStatement acting = connection.prepareStatement(SET_ACTING)) {
                acting.setString(1, role);
                acting.setString(2, userId);
                acting.execute();
            }
            try {
                T result = work.run(connection);
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
