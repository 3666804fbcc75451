package io.strata.bootstrap.runtime;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Work a start does on threads of its own while the main thread makes the rest of the context, the routes and the
 * HTTP server: Hibernate's boot ({@link HibernateBoot}) and, when serving, the first ADMIN
 * ({@link FirstAdminInitializer}). On two cores what the main thread does after Hibernate's boot (the first ADMIN's
 * check, the router, Netty, the first request's beans) runs beside it instead of after it.
 *
 * <p>Nothing answers before all of it is done: {@code serve} waits for it ({@link #await}) after making its HTTP
 * server and before opening the port, and any other HTTP server (the tests') waits when it has started. The first
 * failure, in the order the work was started, is the start's failure, like any failure on the main thread.
 */
@Singleton
public class StartupWork {

    private final List<CompletableFuture<?>> started = new CopyOnWriteArrayList<>();

    /** Runs {@code work} on a new daemon thread named {@code name}; its result, or its failure, in the future. */
    public <T> CompletableFuture<T> start(String name, Supplier<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        done.complete(work.get());
                    } catch (Throwable e) {
                        done.completeExceptionally(e);
                    }
                },
                name);
        thread.setDaemon(true);
        started.add(done);
        thread.start();
        return done;
    }

    /** Waits for all the work started so far; rethrows the first failure. */
    public void await() {
        for (CompletableFuture<?> done : started) {
            join(done);
        }
    }

    /** A server that was started without waiting ({@code serve} waited already) waits now, before it is used. */
    @EventListener
    void onServerStartup(ServerStartupEvent event) {
        await();
    }

    /** The value of {@code done}, or its failure as it was thrown (a checked one wrapped). */
    public static <T> T join(CompletableFuture<T> done) {
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the start's work", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        }
    }
}
