package io.strata.bootstrap.config;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens (and closes) one plain JDBC connection before the application starts, so that an unreachable database
 * is reported as one clear line instead of a pool/ORM stack trace. It answers the server's version, which the
 * connection already carries (PostgreSQL sends it when a session starts): Hibernate is told it instead of asking a
 * pooled connection's JDBC metadata on its own (see {@code DatabaseVersionSettings}).
 */
public final class DatabaseConnectionCheck {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private DatabaseConnectionCheck() {}

    /**
     * @return the server's version, {@code major.minor} (e.g. {@code 17.2})
     * @throws StartupFailure {@code cannot connect to PostgreSQL at <url>: <reason>}
     */
    public static String verify(DatabaseSettings settings, Duration timeout) {
        Properties properties = new Properties();
        if (settings.username() != null) {
            properties.setProperty("user", settings.username());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", Long.toString(Math.max(1, timeout.toSeconds() * 2)));
        properties.setProperty("ApplicationName", "strata-startup-check");
        Driver driver = new org.postgresql.Driver();
        try (Connection connection = driver.connect(settings.jdbcUrl(), properties)) {
            if (connection == null) {
                throw new StartupFailure(
                        "cannot connect to PostgreSQL at " + settings.displayUrl() + ": not a PostgreSQL JDBC URL");
            }
            connection.isValid((int) Math.max(1, timeout.toSeconds()));
            DatabaseMetaData server = connection.getMetaData();
            return server.getDatabaseMajorVersion() + "." + server.getDatabaseMinorVersion();
        } catch (SQLException e) {
            throw new StartupFailure(
                    "cannot connect to PostgreSQL at " + settings.displayUrl() + ": " + StartupFailure.describe(e), e);
        }
    }
}
