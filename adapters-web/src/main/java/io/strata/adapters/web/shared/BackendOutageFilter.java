package io.strata.adapters.web.shared;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * While the database is known to be down, every API request is answered {@code 503} with {@code Retry-After} at
 * once, on the event loop: no thread waits for a pool that cannot deliver, no token lookup, no use case. Runs
 * before authentication and idempotency (both read the database).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(beans = BackendAvailability.class)
public class BackendOutageFilter implements Ordered {

    private final BackendAvailability availability;

    public BackendOutageFilter(BackendAvailability availability) {
        this.availability = availability;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    @Nullable public HttpResponse<?> refuseDuringOutage(HttpRequest<?> request) {
        if (!FilterPaths.under(request, FilterPaths.API)) {
            return null;
        }
        return availability
                .knownOutage()
                .map(retryAfter -> UnexpectedErrorHandler.unavailable(request, retryAfter))
                .orElse(null);
    }
}
