package io.strata.bootstrap.runtime;

import io.strata.bootstrap.config.DatabaseConnectionCheck;
import io.strata.bootstrap.config.DatabaseSettings;
import io.strata.bootstrap.config.LaunchSettings;
import io.strata.bootstrap.config.StartupFailure;
import io.strata.bootstrap.database.ApplicationRole;
import io.strata.bootstrap.embedded.EmbeddedPostgres;
import java.util.Map;
import java.util.Optional;

/**
 * The database a Strata process works on, resolved from the environment as every command does: {@code STRATA_DB_URL}
 * (with {@code STRATA_DB_USER}/{@code STRATA_DB_PASSWORD}), or else the embedded PostgreSQL under
 * {@code STRATA_DATA_DIR}, started here. {@link #open} also checks that the database answers, so an unreachable
 * one is one line. {@link #close} stops the embedded server (an external database is left alone).
 */
public final class DatabaseTarget implements AutoCloseable {

    private final LaunchSettings launch;
    private final DatabaseSettings owner;
    private final EmbeddedPostgres embedded;
    private final DatabaseSettings application;
    private final String serverVersion;

    private DatabaseTarget(
            LaunchSettings launch,
            DatabaseSettings owner,
            EmbeddedPostgres embedded,
            DatabaseSettings application,
            String serverVersion) {
        this.launch = launch;
        this.owner = owner;
        this.embedded = embedded;
        this.application = application;
        this.serverVersion = serverVersion;
    }

    /**
     * @throws StartupFailure when a setting is invalid, or the database cannot be started or reached
     */
    public static DatabaseTarget open(Map<String, String> env) {
        LaunchSettings launch;
        Optional<DatabaseSettings> external;
        try {
            launch = LaunchSettings.fromEnvironment(env);
            external = DatabaseSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new StartupFailure(e.getMessage(), e);
        }
        EmbeddedPostgres embedded = null;
        DatabaseSettings database;
        if (external.isPresent()) {
            database = external.get();
        } else {
            embedded = EmbeddedPostgres.start(
                    launch.embeddedDbDirectory(),
                    launch.embeddedDbPort(),
                    EmbeddedPostgres.DEFAULT_DATABASE,
                    launch.embeddedDbBinaries(),
                    launch.embeddedDbRestarts());
            database = embedded.settings();
        }
        String serverVersion;
        try {
            serverVersion = DatabaseConnectionCheck.verify(database, DatabaseConnectionCheck.DEFAULT_TIMEOUT);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
        return new DatabaseTarget(
                launch, database, embedded, ApplicationRole.of(database, embedded != null, env), serverVersion);
    }

    public LaunchSettings launch() {
        return launch;
    }

    /** The schema owner: migrations and the {@code db} commands connect as this user. */
    public DatabaseSettings owner() {
        return owner;
    }

    /**
     * The application's pool: the role that does not own the tables ({@link ApplicationRole}), or the owner when an
     * external database names none.
     */
    public DatabaseSettings application() {
        return application;
    }

    /** The PostgreSQL server's version as {@code major.minor}, read when {@link #open} connected. */
    public String serverVersion() {
        return serverVersion;
    }

    /** Whether this is the embedded default (no {@code STRATA_DB_URL}). */
    public boolean isEmbedded() {
        return embedded != null;
    }

    public Optional<EmbeddedPostgres> embeddedPostgres() {
        return Optional.ofNullable(embedded);
    }

    /** Stops the embedded PostgreSQL, if this process started one (keeping its data). */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
