package io.strata.adapters.persistence.workspace;

import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.domain.shared.ValidationException;
import jakarta.persistence.PersistenceException;

/** What the workspace adapters make of database errors that no adapter names specifically. */
final class WorkspaceErrors {
    /** SQLSTATE of numeric_value_out_of_range (e.g. more hours than numeric(8,2) holds). */
    static final String NUMERIC_OUT_OF_RANGE = "22003";

    private WorkspaceErrors() {
    }

    /**
     * A CHECK constraint {@code <table>_<column>_ck} becomes a {@link ValidationException} on the
     * column's field in camelCase ({@code tasks_actual_hours_ck} -> {@code actualHours}): the domain
     * checks the same rules, so this only reports what slipped through. Anything else is returned as is.
     */
    static RuntimeException checkViolation(PersistenceException error, String table, String constraint) {
        if (PersistenceErrors.sqlState(error).filter(PersistenceErrors.CHECK_VIOLATION::equals).isEmpty()) {
            return error;
        }
        String column = constraint.startsWith(table + "_") && constraint.endsWith("_ck")
                ? constraint.substring(table.length() + 1, constraint.length() - 3) : constraint;
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

    static boolean isNumericOverflow(PersistenceException error) {
        return PersistenceErrors.sqlState(error).filter(NUMERIC_OUT_OF_RANGE::equals).isPresent();
    }
}
