package io.strata.adapters.persistence.shared;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Optional;
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
    /** SQLSTATE of unique_violation. */
    public static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE of foreign_key_violation. */
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    /** SQLSTATE of check_violation. */
    public static final String CHECK_VIOLATION = "23514";

    private PersistenceErrors() {
    }

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

    /** True when a versioned UPDATE or DELETE matched no row: someone else changed the row first. */
    public static boolean isOptimisticLockFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof org.hibernate.dialect.lock.OptimisticEntityLockException) {
                return true;
            }
        }
        return false;
    }
}
