package io.strata.bootstrap.database;

import io.strata.bootstrap.config.DatabaseSettings;
import io.strata.bootstrap.config.StartupFailure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The role the application's pool connects as: not the tables' owner, so row-level security's policies bind it
 * (they are FORCED, so they bind the owner too; only a superuser or a BYPASSRLS role passes them). The schema owner
 * (migrations, the {@code db} commands) grants it row access ({@code SELECT, INSERT, UPDATE, DELETE}) on every table
 * after each migration, and read access only to the migration history.
 *
 * <p>The embedded default creates it ({@value #EMBEDDED}, a login role; the embedded server trusts local
 * connections). An external database names it in {@code STRATA_DB_APP_USER} / {@code STRATA_DB_APP_PASSWORD}; the
 * operator creates it (without ownership, superuser or BYPASSRLS). Without them the pool connects as the owner and
 * Strata warns.
 */
public final class ApplicationRole {

    public static final String EMBEDDED = "strata_app";
    public static final String USER_ENV = "STRATA_DB_APP_USER";
    public static final String PASSWORD_ENV = "STRATA_DB_APP_PASSWORD";

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationRole.class);

    private ApplicationRole() {}

    /** The application's connection settings: the configured or embedded role, else the owner's. */
    public static DatabaseSettings of(DatabaseSettings owner, boolean embedded, Map<String, String> env) {
        String user = env.get(USER_ENV);
        if (user != null && !user.isBlank()) {
            return new DatabaseSettings(owner.jdbcUrl(), user.strip(), env.get(PASSWORD_ENV));
        }
        if (embedded) {
            return new DatabaseSettings(owner.jdbcUrl(), EMBEDDED, null);
        }
        return owner;
    }

    /**
     * As the owner: creates {@code role} if {@code create} and it is missing, then grants it row access to every table
     * of the schema. Idempotent; safe when several processes do it at once.
     */
    public static void prepare(DatabaseSettings owner, String role, boolean create) {
        Objects.requireNonNull(role, "role");
        if (!role.matches("[A-Za-z_][A-Za-z0-9_$]{0,62}")) {
            throw new StartupFailure(USER_ENV + " must be a plain PostgreSQL role name, got '" + role + "'");
        }
        try (Connection connection = owner.dataSource("strata-schema").getConnection();
                Statement statement = connection.createStatement()) {
            if (create) {
                try {
                    statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                            + "') THEN CREATE ROLE " + role + " LOGIN; END IF; END $$");
                } catch (SQLException e) {
                    if (!"42710".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                        throw e; // else another process created it at the same moment
                    }
                }
            }
            statement.execute("GRANT USAGE ON SCHEMA " + schema(statement) + " TO " + role);
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema(statement)
                    + " TO " + role);
            statement.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema(statement) + " TO " + role);
            for (String history : new String[] {SchemaMigrations.HISTORY_TABLE, SchemaMigrations.ROLLBACK_TABLE}) {
                statement.execute("DO $$ BEGIN IF to_regclass('" + history + "') IS NOT NULL THEN "
                        + "REVOKE INSERT, UPDATE, DELETE ON " + history + " FROM " + role + "; END IF; END $$");
            }
            warnIfPrivileged(statement, role);
        } catch (SQLException e) {
            throw new StartupFailure(
                    "cannot prepare the application role " + role + ": " + StartupFailure.describe(e), e);
        }
    }

    private static String schema(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT quote_ident(current_schema())")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void warnIfPrivileged(Statement statement, String role) throws SQLException {
        try (ResultSet rs = statement.executeQuery(
                "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = '" + role + "'")) {
            if (rs.next() && rs.getBoolean(1)) {
                LOG.warn(
                        "The application role {} is a superuser or has BYPASSRLS: row-level security does not bind it",
                        role);
            }
        }
    }
}
