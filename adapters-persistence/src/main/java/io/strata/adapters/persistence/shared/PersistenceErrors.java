package io.strata.adapters.persistence.shared;

import io.strata.domain.shared.error.ValidationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Table;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads what went wrong out of the exceptions Hibernate and pgjdbc throw, so that adapters can turn
 * them into domain exceptions ({@code ConflictException}, {@code StaleVersionException}, ...) by
 * constraint name instead of by message text.
 */
public final class PersistenceErrors {
    /** SQLSTATE of foreign_key_violation. */
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    /** SQLSTATE of check_violation. */
    public static final String CHECK_VIOLATION = "23514";
    /** SQLSTATE of numeric_value_out_of_range (e.g. more hours than numeric(8,2) holds). */
    public static final String NUMERIC_OUT_OF_RANGE = "22003";
    /** SQLSTATE of deadlock_detected. */
    public static final String DEADLOCK_DETECTED = "40P01";
    /** SQLSTATE of serialization_failure. */
    public static final String SERIALIZATION_FAILURE = "40001";

    private PersistenceErrors() {}

    /** The name of the violated constraint (or unique index) anywhere in the cause chain. */
    public static Optional<String> violatedConstraint(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException psql) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                if (message != null && message.getConstraint() != null) {
                    return Optional.of(message.getConstraint());
                }
            }
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return Optional.of(violation.getConstraintName());
            }
        }
        return Optional.empty();
    }

    /** The SQLSTATE of the first {@link SQLException} in the cause chain. */
    public static Optional<String> sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /**
     * True when PostgreSQL aborted the transaction over its locks: a deadlock ({@code 40P01}) or a serialization
     * failure ({@code 40001}). The request did nothing wrong: a rerunnable use case is run again (bootstrap's
     * {@code JdbcTransactionInterceptor}); any other is answered as a conflict to retry (the web layer's
     * {@code UnexpectedErrorHandler}). Any {@link SQLException} of the chain, not only the first ({@link #sqlState}):
     * a statement after the failure fails with "transaction is aborted" and chains the deadlock behind it.
     */
    public static boolean isLockConflict(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && (DEADLOCK_DETECTED.equals(sql.getSQLState())
                            || SERIALIZATION_FAILURE.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** True when a versioned UPDATE or DELETE matched no row: someone else changed the row first. */
    public static boolean isOptimisticLockFailure(Throwable error) {
        if (isLockConflict(error)) {
            // JPA reports a deadlock as an OptimisticLockException too, but the transaction is aborted: no row count
            // told of another version, and nothing may be read in it any more
            return false;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException
                    || t instanceof StaleStateException
                    || t instanceof org.hibernate.dialect.lock.OptimisticEntityLockException) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a foreign key refused the statement: a referenced row is missing, or (on a delete) a row
     * still refers to the deleted one through an ON DELETE RESTRICT key. Adapters translate it without
     * naming the constraint, which may belong to another context's table.
     */
    public static boolean isForeignKeyViolation(Throwable error) {
        return sqlState(error).filter(FOREIGN_KEY_VIOLATION::equals).isPresent();
    }

    public static boolean isNumericOverflow(Throwable error) {
        return sqlState(error).filter(NUMERIC_OUT_OF_RANGE::equals).isPresent();
    }

    /**
     * A CHECK constraint {@code <table>_<column>_ck} becomes a {@link ValidationException} on the
     * column's field in camelCase ({@code tasks_actual_hours_ck} -> {@code actualHours}): the domain
     * checks the same rules, so this only reports what slipped through. Anything else is returned as is.
     */
    public static RuntimeException checkViolation(RuntimeException error, String table, String constraint) {
        if (sqlState(error).filter(CHECK_VIOLATION::equals).isEmpty()) {
            return error;
        }
        String column = constraint.startsWith(table + "_") && constraint.endsWith("_ck")
                ? constraint.substring(table.length() + 1, constraint.length() - 3)
                : constraint;
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return new ValidationException(field.toString(), "breaks the database rule " + constraint);
    }

    /**
     * The committed version of the row {@code id} of {@code entity}'s table (-1 when it is gone), read
     * on this transaction's connection without flushing the session: what a
     * {@code StaleVersionException} reports after a failed versioned update.
     */
    public static long committedVersion(
            EntityManager entityManager, Class<? extends AggregateJpaColumns> entity, UUID id) {
        return committedVersion(
                PlainReads.statements(entityManager),
                entity.getAnnotation(Table.class).name(),
                id);
    }

    /** {@link #committedVersion(EntityManager, Class, UUID)} of a row of {@code table}, read by {@code statements}. */
    static long committedVersion(PlainReads.Statements statements, String table, UUID id) {
        return statements.byId(
                "SELECT version FROM " + table + " WHERE id = ?", id, rows -> rows.next() ? rows.getLong(1) : -1L);
    }
}
