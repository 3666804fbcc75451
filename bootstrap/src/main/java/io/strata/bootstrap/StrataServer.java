package io.strata.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.strata.bootstrap.config.DatabaseSettings;
import io.strata.bootstrap.config.StartupFailure;
import io.strata.bootstrap.embedded.EmbeddedPostgres;
import io.strata.bootstrap.runtime.StrataRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running Strata API: the {@link StrataRuntime} (Micronaut context, database, embedded PostgreSQL if one was
 * started) with its HTTP server. {@link #start} starts the runtime, then the server; every failure is a
 * {@link StartupFailure} with a one-line message. {@link #close} stops the server, then the runtime.
 */
public final class StrataServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StrataServer.class);

    private final StrataRuntime runtime;
    private final EmbeddedServer server;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private StrataServer(StrataRuntime runtime, EmbeddedServer server) {
        this.runtime = runtime;
        this.server = server;
    }

    /**
     * Starts the API.
     *
     * @param args Micronaut command-line arguments (e.g. {@code --some.property=value}); the sub-command is already removed
     * @param env  the process environment (a map so that tests can pass their own)
     * @throws StartupFailure if the database cannot be resolved or reached, or Micronaut fails to start
     */
    public static StrataServer start(String[] args, Map<String, String> env) {
        long startedAt = System.nanoTime();
        StrataRuntime runtime = StrataRuntime.start(args, env);
        try {
            EmbeddedServer server = runtime.context().getBean(EmbeddedServer.class);
            if (!server.isRunning()) {
                server.start();
            }
            LOG.info("Strata started in {} ms: {} (database {})", Duration.ofNanos(System.nanoTime() - startedAt).toMillis(),
                    server.getURL(), runtime.database().displayUrl());
            return new StrataServer(runtime, server);
        } catch (Throwable e) {
            closeQuietly(runtime);
            if (causedBy(e, java.net.BindException.class)) {
                throw new StartupFailure("cannot start the HTTP server on port " + runtime.launch().httpPort() + ": "
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

    private static void closeQuietly(StrataRuntime runtime) {
        try {
            runtime.close();
        } catch (RuntimeException ignored) {
            // already failing; the original error is what matters
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
        return runtime.context();
    }

    public EmbeddedServer server() {
        return server;
    }

    public DatabaseSettings database() {
        return runtime.database();
    }

    public Optional<EmbeddedPostgres> embeddedPostgres() {
        return runtime.embeddedPostgres();
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
                runtime.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Error while stopping Strata: {}", StartupFailure.describe(e));
        } finally {
            stopped.countDown();
        }
    }
}
