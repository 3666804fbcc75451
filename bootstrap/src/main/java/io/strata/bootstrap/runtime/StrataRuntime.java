package io.strata.bootstrap.runtime;

import io.micronaut.context.ApplicationContext;
import io.strata.adapters.persistence.shared.DatabaseVersionSettings;
import io.strata.bootstrap.config.DatabaseSettings;
import io.strata.bootstrap.config.LaunchSettings;
import io.strata.bootstrap.config.StartupFailure;
import io.strata.bootstrap.database.ApplicationRole;
import io.strata.bootstrap.database.SchemaMigrations;
import io.strata.bootstrap.embedded.EmbeddedPostgres;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Strata's Micronaut context on its database, without an HTTP server: what {@code serve} and the {@code db}
 * commands share. {@link #start} resolves the database ({@code STRATA_DB_URL}, or the embedded PostgreSQL under
 * {@code STRATA_DATA_DIR}, see {@link DatabaseTarget}), checks that it is reachable, applies the pending migrations
 * ({@link SchemaMigrations#migrateIfBehind()}, unless {@code STRATA_MIGRATE=false}), then starts the context (Hibernate validates). Netty's server is a bean that only {@code serve} starts, so nothing listens on {@code PORT} here.
 * Every failure is a {@link StartupFailure} with a one-line message. The embedded PostgreSQL, if any, is a bean of
 * the context (health, the outage circuit). {@link #close} closes the context (the connection pools), then stops
 * the embedded PostgreSQL: in that order, so that no request or pool sees its database vanish first.
 */
public final class StrataRuntime implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StrataRuntime.class);

    /** Where Micronaut looks for the application (what {@code ApplicationContext.builder(Application.class)} sets). */
    private static final String APPLICATION_PACKAGE = "io.strata.bootstrap";

    public static final String MIGRATE_ENV = "STRATA_MIGRATE";
    /** Where the migrations are, as a Micronaut-style argument (read before the context starts). */
    public static final String MIGRATIONS_PROPERTY = "strata.database.migrations";

    /** The extra property {@code serve} starts with: what only a start that serves HTTP needs turns on with it. */
    public static final String SERVING_PROPERTY = "strata.startup.serving";

    public static final Map<String, Object> SERVING = Map.of(SERVING_PROPERTY, true);

    private final ApplicationContext context;
    private final DatabaseTarget target;
    private final DatabaseSettings database;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StrataRuntime(ApplicationContext context, DatabaseTarget target, DatabaseSettings database) {
        this.context = context;
        this.target = target;
        this.database = database;
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
        return start(args, env, extraProperties, migrateOnStart(env));
    }

    /**
     * As {@link #start(String[], Map, Map)}; {@code migrate} says whether pending migrations are applied (as the
     * schema owner, under the schema lock, see {@link SchemaMigrations}) before the context starts.
     */
    public static StrataRuntime start(
            String[] args, Map<String, String> env, Map<String, Object> extraProperties, boolean migrate) {
        // both while the database is opened (or the embedded PostgreSQL starts)
        MicronautServiceIndex.initializeAhead();
        if (migrate) {
            SchemaMigrations.readScriptsAhead(migrationsLocation(args));
        }
        return start(DatabaseTarget.open(env), args, extraProperties, migrate);
    }

    /** As {@link #start(String[], Map, Map, boolean)} on a database already opened; closing the runtime closes it. */
    public static StrataRuntime start(
            DatabaseTarget target, String[] args, Map<String, Object> extraProperties, boolean migrate) {
        ApplicationContext context = null;
        try {
            if (migrate) {
                new SchemaMigrations(target.owner(), migrationsLocation(args), SchemaMigrations.ROLLBACKS)
                        .migrateIfBehind();
            }
            DatabaseSettings database = target.application();
            if (!Objects.equals(database.username(), target.owner().username())) {
                // the owner grants the application role its rows (every table, also those of new migrations)
                ApplicationRole.prepare(target.owner(), database.username(), target.isEmbedded());
            } else if (!target.isEmbedded()) {
                LOG.warn(
                        "The application connects as the schema owner {}: set {} to a role that does not own the tables",
                        database.username(),
                        ApplicationRole.USER_ENV);
            }
            Map<String, Object> properties = new LinkedHashMap<>(database.toMicronautProperties());
            properties.put("micronaut.server.port", target.launch().httpPort());
            properties.put(DatabaseVersionSettings.SERVER_VERSION_PROPERTY, target.serverVersion());
            properties.putAll(extraProperties);
            EmbeddedPostgres embedded = target.embeddedPostgres().orElse(null);
            context = new StrataContextBuilder()
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
                    // no bootstrap.yml or distributed configuration: without this, Micronaut asks each of the ~860
                    // bean definitions for its class to look for a BootstrapPropertySourceLocator, loading even the
                    // classes of beans that never start (measured: ~5 MB less resident, ~4% less CPU to the first 200)
                    .bootstrapEnvironment(false)
                    .start();
            return new StrataRuntime(context, target, database);
        } catch (StartupFailure e) {
            closeQuietly(context, target);
            throw e;
        } catch (Throwable e) {
            closeQuietly(context, target);
            throw new StartupFailure("startup failed: " + StartupFailure.describe(e), e);
        }
    }

    /** {@code STRATA_MIGRATE} (default true): whether {@code serve} and {@code db seed} apply pending migrations. */
    public static boolean migrateOnStart(Map<String, String> env) {
        String value = env.get(MIGRATE_ENV);
        return value == null
                || value.isBlank()
                || !(value.strip().equalsIgnoreCase("false") || value.strip().equals("0"));
    }

    /** {@code --strata.database.migrations=<class-path folder>} (tests), else {@code db/migration}. */
    static String migrationsLocation(String[] args) {
        String prefix = "--" + MIGRATIONS_PROPERTY + "=";
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length()).replaceFirst("^classpath:", "");
            }
        }
        return SchemaMigrations.MIGRATIONS;
    }

    private static void closeQuietly(ApplicationContext context, DatabaseTarget target) {
        try {
            if (context != null && context.isRunning()) {
                context.close();
            }
        } catch (RuntimeException ignored) {
            // already failing; the original error is what matters
        }
        target.close();
    }

    public ApplicationContext context() {
        return context;
    }

    public DatabaseSettings database() {
        return database;
    }

    public LaunchSettings launch() {
        return target.launch();
    }

    public DatabaseTarget target() {
        return target;
    }

    public Optional<EmbeddedPostgres> embeddedPostgres() {
        return target.embeddedPostgres();
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
            target.close();
        }
    }
}
