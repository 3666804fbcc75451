package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Work a filter must not do on the event loop (it may wait for PostgreSQL), handed to the blocking executor only
 * when it is needed. A filter marked {@code @ExecuteOn(BLOCKING)} moves every request it sees to another thread and
 * back, though most need nothing that blocks (a cached session, a GET without an idempotency key); a filter returns
 * {@code null} for those and a future for the rest: of the request to go on with ({@link #proceedAfter}), or of the
 * response a response filter passes on. The request's propagated context (actor, route name, read consistency)
 * goes along, and a failure completes the future with the exception itself, so Micronaut's error handlers answer it
 * as if the filter had thrown it.
 */
@Singleton
public class OffEventLoop {
    private final ExecutorService blocking;

    public OffEventLoop(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
    }

    public <T> CompletableFuture<T> supply(Supplier<T> work) {
        PropagatedContext context = PropagatedContext.getOrEmpty();
        CompletableFuture<T> result = new CompletableFuture<>();
        blocking.execute(() -> {
            try (PropagatedContext.Scope ignored = context.propagate()) {
                result.complete(work.get());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /**
     * {@code next} applied to the outcome of {@code stage} on a blocking thread once it is done, never inside the
     * callback that completes it: a request body's buffer completes on the event loop, and a request that went on
     * from inside that callback would read the body again while Micronaut is still handing it over.
     */
    public <T, R> CompletableFuture<R> whenDone(
            CompletableFuture<T> stage, BiFunction<? super T, ? super Throwable, ? extends R> next) {
        PropagatedContext context = PropagatedContext.getOrEmpty();
        return stage.handleAsync(
                (value, failure) -> {
                    try (PropagatedContext.Scope ignored = context.propagate()) {
                        return next.apply(value, failure);
                    }
                },
                blocking);
    }

    /**
     * A request filter's answer: the same request goes on once {@code work} is done, or the exception {@code work}
     * threw is answered. (An asynchronous filter result must not be null: Micronaut would take it for no response.)
     */
    public CompletableFuture<@Nullable HttpRequest<?>> proceedAfter(HttpRequest<?> request, Runnable work) {
        return supply(() -> {
            work.run();
            return request;
        });
    }
}
