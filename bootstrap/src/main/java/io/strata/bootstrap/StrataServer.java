package io.strata.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.runtime.server.EmbeddedServer;
import io.strata.adapters.web.shared.InFlightRequests;
import io.strata.bootstrap.cli.Cli;
import io.strata.bootstrap.config.DatabaseSettings;
import io.strata.bootstrap.config.StartupFailure;
import io.strata.bootstrap.embedded.EmbeddedPostgres;
import io.strata.bootstrap.runtime.FirstRequestBeans;
import io.strata.bootstrap.runtime.StartupCompilerPriority;
import io.strata.bootstrap.runtime.StartupWork;
import io.strata.bootstrap.runtime.StrataRuntime;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Strata API: the {@link StrataRuntime} (Micronaut context, database, embedded PostgreSQL if one was
 * started) with its HTTP server. {@link #start} starts the runtime, then the server; every failure is a
 * {@link StartupFailure} with a one-line message.
 *
 * <p>{@link #close} is the graceful stop, in this order: new requests are answered 503 (with
 * {@code Connection: close}) while those in flight finish, for at most {@code STRATA_SHUTDOWN_GRACE}
 * ({@link InFlightRequests}); then the HTTP server closes its connections and stops; then the Micronaut context
 * closes (the connection pools, Hibernate); then the embedded PostgreSQL stops. Nothing stops the database while a
 * request may still use it. When the embedded PostgreSQL cannot be restarted after a crash, the server stops the
 * same way by itself, with a {@link #failure()}.
 */
public final class StrataServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StrataServer.class);

    private final StrataRuntime runtime;
    private final EmbeddedServer server;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private StrataServer(StrataRuntime runtime, EmbeddedServer server) {
        this.runtime = runtime;
        this.server = server;
    }

    /**
     * {@code strata serve}: starts the API and blocks until it has stopped. Returns the exit status: 0 after a
     * stop signal (SIGTERM or Ctrl-C, see {@link StopSignals}), 1 when startup fails (one line on stderr) or the
     * embedded PostgreSQL could not be restarted.
     */
    public static int serve(String[] args, Cli cli) {
        StrataServer server;
        StartupCompilerPriority compilers = StartupCompilerPriority.lowerWhileStarting();
        try {
            server = start(args, cli.env());
        } catch (StartupFailure failure) {
            return Application.report(failure, cli.env(), cli.err());
        } finally {
            compilers.restore();
        }
        server.closeOnShutdown();
        StopSignals.install(server);
        try {
            server.awaitShutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        if (server.failure().isPresent()) {
            cli.err().println("strata: " + server.failure().get());
            cli.err().flush();
            return Application.EXIT_FAILURE;
        }
        return Application.EXIT_OK;
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
        StrataRuntime runtime = StrataRuntime.start(args, env, StrataRuntime.SERVING);
        try {
            EmbeddedServer server = runtime.context().getBean(EmbeddedServer.class);
            // the routes and the server are made; what the start did beside them must be done before the port opens
            FirstRequestBeans.make(runtime.context());
            runtime.context().getBean(StartupWork.class).await();
            if (!server.isRunning()) {
                server.start();
            }
            LOG.info(
                    "Strata started in {} ms: {} (database {})",
                    Duration.ofNanos(System.nanoTime() - startedAt).toMillis(),
                    server.getURL(),
                    runtime.database().displayUrl());
            StrataServer strata = new StrataServer(runtime, server);
            runtime.embeddedPostgres()
                    .ifPresent(postgres -> postgres.addListener(new EmbeddedPostgres.Listener() {
                        @Override
                        public void gaveUp(EmbeddedPostgres crashed, String message) {
                            strata.stopAfterFailure(message);
                        }
                    }));
            return strata;
        } catch (Throwable e) {
            closeQuietly(runtime);
            if (causedBy(e, java.net.BindException.class)) {
                throw new StartupFailure(
                        "cannot start the HTTP server on port "
                                + runtime.launch().httpPort() + ": " + StartupFailure.describe(e)
                                + " (set PORT to use another port)",
                        e);
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

    /**
     * Stops this server when the JVM shuts down (SIGTERM, Ctrl-C): requests in flight first, then the embedded
     * PostgreSQL, which until now stopped on its own at the JVM's exit.
     */
    public StrataServer closeOnShutdown() {
        if (runtime.embeddedPostgres().map(EmbeddedPostgres::stopWithOwner).orElse(true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "strata-shutdown"));
        }
        return this;
    }

    /** Blocks until {@link #close()} has completed. */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /** Blocks at most {@code timeout} until {@link #close()} has completed; false if it has not. */
    public boolean awaitShutdown(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why Strata stopped by itself (its embedded PostgreSQL could not be restarted), if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    private void stopAfterFailure(String message) {
        failure.set(message);
        new Thread(this::close, "strata-stop").start();
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

    /** Ends the wait of a {@link #close} in progress for requests in flight (a second stop signal). */
    public void hurry() {
        runtime.context().findBean(InFlightRequests.class).ifPresent(InFlightRequests::stopWaiting);
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        long started = System.nanoTime();
        try {
            try {
                drain(runtime.launch().shutdownGrace());
                closeConnections();
            } finally {
                try {
                    if (server.isRunning()) {
                        server.stop();
                    }
                } finally {
                    runtime.close();
                }
            }
            LOG.info(
                    "Strata stopped in {} ms",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (RuntimeException e) {
            LOG.warn("Error while stopping Strata: {}", StartupFailure.describe(e));
        } finally {
            stopped.countDown();
        }
    }

    private void drain(Duration grace) {
        Optional<InFlightRequests> requests = runtime.context().findBean(InFlightRequests.class);
        if (requests.isEmpty() || !server.isRunning()) {
            LOG.info("Strata shutting down");
            return;
        }
        LOG.info(
                "Strata shutting down: new requests are answered 503; waiting up to {} ms for {} in flight",
                grace.toMillis(),
                requests.get().inFlight());
        try {
            InFlightRequests.Drain drain = requests.get().drain(grace);
            if (drain.unfinished() == 0) {
                LOG.info(
                        "All {} requests in flight finished in {} ms",
                        drain.inFlightAtStart(),
                        drain.took().toMillis());
            } else {
                LOG.warn(
                        "{} requests still running after {} ms; stopping anyway",
                        drain.unfinished(),
                        drain.took().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Netty's graceful stop: no new connections, responses being written finish, then every connection closes. */
    private void closeConnections() {
        if (server instanceof GracefulShutdownCapable graceful && server.isRunning()) {
            try {
                graceful.shutdownGracefully().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("HTTP connections did not close in time: {}", StartupFailure.describe(e));
            }
        }
    }
}
