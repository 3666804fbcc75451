package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything no other handler claims. A failure that means the database is unreachable (a refused or broken
 * connection, a pool that cannot deliver one, a transaction that cannot begin or commit, a pool closed by a
 * shutdown) is a {@code 503} problem with {@code Retry-After} and one WARN line: the client did nothing wrong and
 * may retry. {@link BackendAvailability} decides what such a failure is, wherever it surfaces. Everything else is
 * a bug: a 500 with a generic detail, the cause in the server log.
 */
@Singleton
@Produces(Problems.MEDIA_TYPE)
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    private final @Nullable BackendAvailability availability;

    public UnexpectedErrorHandler(@Nullable BackendAvailability availability) {
        this.availability = availability;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        Optional<Duration> outage = availability == null ? Optional.empty() : availability.outageOf(exception);
        if (outage.isPresent()) {
            LOG.warn(
                    "{} {}: 503, the database is unavailable ({})",
                    request.getMethodName(),
                    request.getPath(),
                    rootMessage(exception));
            return unavailable(request, outage.get());
        }
        if (availability != null && availability.concurrencyConflict(exception)) {
            // PostgreSQL aborted the transaction over a deadlock or a serialization failure with a concurrent one:
            // nothing of it was kept, and the same request may succeed when retried
            LOG.warn("{} {}: 409, {}", request.getMethodName(), request.getPath(), rootMessage(exception));
            return Problems.response(
                    request,
                    HttpStatus.CONFLICT,
                    "conflict",
                    "A concurrent request locked the same rows; nothing was changed, retry the request",
                    List.of());
        }
        LOG.error("Unexpected error on {} {}", request.getMethodName(), request.getPath(), exception);
        return Problems.internal(request);
    }

    /** The 503 problem: the database is unavailable, retry after {@code retryAfter} (whole seconds, at least 1). */
    public static MutableHttpResponse<Problem> unavailable(HttpRequest<?> request, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Problems.response(
                        request,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "unavailable",
                        "The database is unavailable; retry in " + seconds + " s",
                        List.of())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
