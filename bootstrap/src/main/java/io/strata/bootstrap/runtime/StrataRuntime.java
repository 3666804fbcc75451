package io.strata.bootstrap.runtime;

import io.micronaut.context.ApplicationContext;
import io.strata.bootstrap.config.DatabaseConnectionCheck;
import io.strata.bootstrap.config.DatabaseSettings;
import io.strata.bootstrap.config.LaunchSettings;
import io.strata.bootstrap.config.StartupFailure;
import io.strata.bootstrap.embedded.EmbeddedPostgres;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Strata's Micronaut context on its database, without an HTTP server: what {@code serve} and the {@code db}
 * commands share. {@link #start} resolves the database ({@code STRATA_DB_URL}, or the embedded PostgreSQL under
 * {@code STRATA_DATA_DIR}), checks that it is reachable, then starts the context (Flyway migrates, Hibernate
 * validates). Netty's server is a bean that only {@code serve} starts, so nothing listens on {@code PORT} here.
 * Every failure is a {@link StartupFailure} with a one-line message. The embedded PostgreSQL, if any, is a bean of
 * the context (health, the outage circuit). {@link #close} closes the context (the connection pools), then stops
 * the embedded PostgreSQL: in that order, so that no request or pool sees its database vanish first.
 */
public final class StrataRuntime implements AutoCloseable {

    /** Where Micronaut looks for the application (what {@code ApplicationContext.builder(Application.class)} sets). */
    private static final String APPLICATION_PACKAGE = "io.strata.bootstrap";

    private final ApplicationContext context;
    private final EmbeddedPostgres embeddedPostgres;
    private final DatabaseSettings database;
    private final LaunchSettings launch;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StrataRuntime(
            ApplicationContext context,
            EmbeddedPostgres embeddedPostgres,
            DatabaseSettings database,
            LaunchSettings launch) {
        this.context = context;
        this.embeddedPostgres = embeddedPostgres;
        this.database = database;
        this.launch = launch;
    }

    /**
     * @param args Micronaut command-line arguments ({@code --some.property=value}); the command is already removed
     * @param env  the process environment (a map so that tests can pass their own)
     * @throws StartupFailure if the settings are invalid, the database cannot be started or reached, or Micronaut fails
     */
    public static StrataRuntime start(String[] args, Map<String, String> env) {
        return start(args, env, Map.of());
    }

    /** As {@link #start(String[], Map)}, with extra Micronaut properties (what a command needs on top of serve's). */
    public static StrataRuntime start(String[] args, Map<String, String> env, Map<String, Object> extraProperties) {
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
        ApplicationContext context = null;
        try {
            DatabaseConnectionCheck.verify(database, DatabaseConnectionCheck.DEFAULT_TIMEOUT);

            Map<String, Object> properties = new LinkedHashMap<>(database.toMicronautProperties());
            properties.put("micronaut.server.port", launch.httpPort());
            properties.putAll(extraProperties);
            context = ApplicationContext.builder()
                    .singletons(
                            embedded == null
                                    ? new Object[0]
                                    : new Object[] {embedded}) // for health and the outage circuit
                    .classLoader(StrataRuntime.class.getClassLoader())
                    .packages(APPLICATION_PACKAGE)
                    .args(args)
                    .properties(properties)
                    .banner(false)
                    .deduceCloudEnvironment(false)
                    .start();
            return new StrataRuntime(context, embedded, database, launch);
        } catch (StartupFailure e) {
            closeQuietly(context, embedded);
            throw e;
        } catch (Throwable e) {
            closeQuietly(context, embedded);
            throw new StartupFailure("startup failed: " + StartupFailure.describe(e), e);
        }
    }

    private static void closeQuietly(ApplicationContext context, EmbeddedPostgres embedded) {
        try {
            if (context != null && context.isRunning()) {
                context.close();
            }
        } catch (RuntimeException ignored) {
            // already failing; the original error is what matters
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    public ApplicationContext context() {
        return context;
    }

    public DatabaseSettings database() {
        return database;
    }

    public LaunchSettings launch() {
        return launch;
    }

    public Optional<EmbeddedPostgres> embeddedPostgres() {
        return Optional.ofNullable(embeddedPostgres);
    }

    /** Closes the context, then stops the embedded PostgreSQL (keeping its data). Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            if (context.isRunning()) {
                context.close();
            }
        } finally {
            if (embeddedPostgres != null) {
                embeddedPostgres.close();
            }
        }
    }
}
