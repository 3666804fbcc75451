package io.strata.bootstrap.ops;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.strata.adapters.persistence.shared.RowSecurity;
import io.strata.adapters.web.shared.RequestActor;

/**
 * Row-level security for HTTP requests: once the bearer token is authenticated, the request's transactions act as
 * its user (strata.user_id and strata.role, {@link RowSecurity}). The value travels in Micronaut's propagated
 * context onto the thread that runs the controller, where {@link RowSecurity#current()} reads it. Requests without a
 * user (the authentication itself, log-in, sign-up) act as SYSTEM: they establish who acts.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestActing implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after(); // after BearerAuthenticationFilter
    }

    @RequestFilter
    public void act(HttpRequest<?> request, MutablePropagatedContext context) {
        RequestActor.actor(request)
                .ifPresent(actor -> context.add(new RowSecurity.RequestElement(RowSecurity.Acting.of(actor))));
    }
}
