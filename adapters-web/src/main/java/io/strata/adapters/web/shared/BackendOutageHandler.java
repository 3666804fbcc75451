package io.strata.adapters.web.shared;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.inject.BeanDefinition;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that fails because the database is unreachable (a refused or broken connection, a pool that cannot
 * deliver one, a transaction that cannot begin or commit, a pool or entity manager already closed by a shutdown)
 * is a {@code 503} problem with {@code Retry-After}, logged as one WARN line: the client did nothing wrong and may
 * retry; nothing here is a bug. {@link BackendAvailability} decides what such a failure is, wherever it surfaces
 * (controllers, filters, commit). Every other runtime exception goes on to the handler of {@link Exception} (the
 * generic 500), unchanged.
 */
@Singleton
@Produces(Problems.MEDIA_TYPE)
@Requires(beans = BackendAvailability.class)
public class BackendOutageHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(BackendOutageHandler.class);

    private final BackendAvailability availability;
    private final BeanContext beans;
    private volatile ExceptionHandler<Exception, ?> fallback;

    public BackendOutageHandler(BackendAvailability availability, BeanContext beans) {
        this.availability = availability;
        this.beans = beans;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        Optional<Duration> outage = availability.outageOf(exception);
        if (outage.isPresent()) {
            LOG.warn("{} {}: 503, the database is unavailable ({})", request.getMethodName(), request.getPath(),
                    rootMessage(exception));
            return unavailable(request, outage.get());
        }
        return (HttpResponse<?>) fallback().handle(request, exception);
    }

    /** The 503 problem: the database is unavailable, retry after {@code retryAfter} (whole seconds, at least 1). */
    public static MutableHttpResponse<Problem> unavailable(HttpRequest<?> request, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Problems.response(request, HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                        "The database is unavailable; retry in " + seconds + " s", List.of())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    /** The handler of {@link Exception} (the catch-all), found by its type rather than by its class name. */
    @SuppressWarnings("unchecked")
    private ExceptionHandler<Exception, ?> fallback() {
        ExceptionHandler<Exception, ?> handler = fallback;
        if (handler == null) {
            BeanDefinition<?> definition = beans.getBeanDefinitions(ExceptionHandler.class).stream()
                    .filter(d -> {
                        List<Argument<?>> types = d.getTypeArguments(ExceptionHandler.class);
                        return !types.isEmpty() && types.get(0).getType() == Exception.class;
                    })
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no ExceptionHandler<Exception> bean"));
            handler = (ExceptionHandler<Exception, ?>) beans.getBean(definition);
            fallback = handler;
        }
        return handler;
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
