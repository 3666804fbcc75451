package io.strata.adapters.persistence.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Row-level security's settings: who acts in the current transaction, read by the policies as
 * {@code (SELECT current_setting('strata.user_id', true))} and {@code (SELECT current_setting('strata.role', true))}.
 * They are always set with {@code set_config(..., true)}, local to the transaction, so that a pooled connection
 * never carries them into the next one; a transaction that sets nothing sees no rows of a protected table.
 */
public final class RowSecurity {
    public static final String USER_SETTING = "strata.user_id";
    public static final String ROLE_SETTING = "strata.role";
    /** The role of Strata's own work that no user asked for: migrations, the db commands, background jobs. */
    public static final String SYSTEM = "SYSTEM";

    private RowSecurity() {
    }

    /** Marks {@code connection}'s current transaction as Strata's own work ({@link #SYSTEM}). */
    public static void actAsSystem(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('" + ROLE_SETTING + "', '" + SYSTEM + "', true), set_config('"
                    + USER_SETTING + "', '', true)");
        }
    }
}
