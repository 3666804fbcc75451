package io.strata.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.strata.bootstrap.config.DatabaseConnectionCheck;
import io.strata.bootstrap.config.DatabaseSettings;
import io.strata.bootstrap.config.LaunchSettings;
import io.strata.bootstrap.config.StartupFailure;
import io.strata.bootstrap.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running Strata API: the Micronaut context with its HTTP server, and the embedded PostgreSQL if one was started.
 * {@link #start} resolves the database, checks that it is reachable, then starts Micronaut; every failure is a
 * {@link StartupFailure} with a one-line message. {@link #close} stops the server, then the context, then PostgreSQL.
 */
public final class StrataServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StrataServer.class);

    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final EmbeddedPostgres embeddedPostgres;
    private final DatabaseSettings database;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private StrataServer(ApplicationContext context, EmbeddedServer server, EmbeddedPostgres embeddedPostgres, DatabaseSettings database) {
        this.context = context;
        this.server = server;
        this.embeddedPostgres = embeddedPostgres;
        this.database = database;
    }

    /**
     * Starts the API.
     *
     * @param args Micronaut command-line arguments (e.g. {@code --some.property=value}); the sub-command is already removed
     * @param env  the process environment (a map so that tests can pass their own)
     * @throws StartupFailure if the database cannot be resolved or reached, or Micronaut fails to start
     */
    public static StrataServer start(String[] args, Map<String, String> env) {
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
            embedded = EmbeddedPostgres.start(launch.embeddedDbDirectory(), launch.embeddedDbPort());
            database = embedded.settings();
        }
        ApplicationContext context = null;
        try {
            DatabaseConnectionCheck.verify(database, DatabaseConnectionCheck.DEFAULT_TIMEOUT);

            Map<String, Object> properties = new LinkedHashMap<>(database.toMicronautProperties());
            properties.put("micronaut.server.port", launch.httpPort());
            long startedAt = System.nanoTime();
            context = ApplicationContext.builder(Application.class)
                    .args(args)
                    .properties(properties)
                    .banner(false)
                    .deduceCloudEnvironment(false)
                    .start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            if (!server.isRunning()) {
                server.start();
            }
            LOG.info("Strata started in {} ms: {} (database {})", Duration.ofNanos(System.nanoTime() - startedAt).toMillis(),
                    server.getURL(), database.displayUrl());
            return new StrataServer(context, server, embedded, database);
        } catch (StartupFailure e) {
            closeQuietly(context, embedded);
            throw e;
        } catch (Throwable e) {
            closeQuietly(context, embedded);
            if (causedBy(e, java.net.BindException.class)) {
                throw new StartupFailure("cannot start the HTTP server on port " + launch.httpPort() + ": "
                        + StartupFailure.describe(e) + " (set PORT to use another port)", e);
            }
            throw new StartupFailure("startup failed: " + StartupFailure.describe(e), e);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
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

    /** Stops this server when the JVM shuts down (SIGTERM, Ctrl-C). */
    public StrataServer closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "strata-shutdown"));
        return this;
    }

    /** Blocks until {@link #close()} has completed. */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    public ApplicationContext context() {
        return context;
    }

    public EmbeddedServer server() {
        return server;
    }

    public DatabaseSettings database() {
        return database;
    }

    public Optional<EmbeddedPostgres> embeddedPostgres() {
        return Optional.ofNullable(embeddedPostgres);
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            LOG.info("Strata shutting down");
            try {
                if (server.isRunning()) {
                    server.stop();
                }
            } finally {
                if (context.isRunning()) {
                    context.close();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Error while stopping Strata: {}", StartupFailure.describe(e));
        } finally {
            if (embeddedPostgres != null) {
                embeddedPostgres.close();
            }
            stopped.countDown();
        }
    }
}
