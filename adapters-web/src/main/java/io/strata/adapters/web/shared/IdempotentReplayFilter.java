package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Answers a retried POST with the response recorded for its {@code Idempotency-Key}, which {@link IdempotencyFilter}
 * found off the event loop just before (that filter can only hand on the request from there).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class IdempotentReplayFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 1;
    }

    @RequestFilter
    public @Nullable HttpResponse<?> replay(HttpRequest<?> request) {
        return request.getAttribute(IdempotencyFilter.REPLAY_ATTRIBUTE, HttpResponse.class)
                .orElse(null);
    }
}
