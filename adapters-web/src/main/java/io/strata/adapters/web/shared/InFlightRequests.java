package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests being served, so that a stop can let them finish: once {@link #drain} has begun, a new
 * request (on a connection that is still open) is answered {@code 503} with {@code Connection: close} instead
 * of being cut off, and {@link #drain} returns when the last request in flight has its response, or when the
 * grace period is over. Outermost filter: it sees every request, health and docs included.
 */
@ServerFilter("/**")
public class InFlightRequests implements Ordered {
    private static final String COUNTED = InFlightRequests.class.getName() + ".counted";

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object monitor = new Object();
    private volatile boolean draining;
    private volatile boolean impatient;

    /** What a drain saw: requests in flight when it began, and those still running when it returned. */
    public record Drain(int inFlightAtStart, int unfinished, Duration took) {}

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    @Nullable public HttpResponse<?> admit(HttpRequest<?> request) {
        inFlight.incrementAndGet(); // counted before the check, so a drain that has begun cannot miss it
        if (draining) {
            finished();
            return Problems.response(
                            request,
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "unavailable",
                            "Strata is shutting down; retry in a moment",
                            List.of())
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .header(HttpHeaders.CONNECTION, "close");
        }
        request.setAttribute(COUNTED, Boolean.TRUE);
        return null;
    }

    @ResponseFilter
    public void release(HttpRequest<?> request) {
        // a plain lookup and removal: the typed removeAttribute(name, type) runs the conversion service first
        if (request.getAttributes().getValue(COUNTED) != null) {
            request.getAttributes().remove(COUNTED);
            finished();
        }
    }

    private void finished() {
        if (inFlight.decrementAndGet() <= 0) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /** Ends a {@link #drain} now, without waiting for the rest of its grace period (a second stop signal). */
    public void stopWaiting() {
        impatient = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** Requests being served now. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Refuses new requests from now on and waits, at most {@code grace}, until every request in flight has its
     * response.
     */
    public Drain drain(Duration grace) throws InterruptedException {
        long start = System.nanoTime();
        draining = true;
        int atStart = inFlight.get();
        long deadline = start + grace.toNanos();
        synchronized (monitor) {
            while (inFlight.get() > 0 && !impatient) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
        }
        return new Drain(atStart, Math.max(0, inFlight.get()), Duration.ofNanos(System.nanoTime() - start));
    }
}
