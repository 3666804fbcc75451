package io.strata.bootstrap.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import java.util.Map;

/**
 * Names the route (method and URI template, never the raw path) of the request a statement runs for, so that the
 * slow-statement log ({@code strata.database.slow-statement-ms}, logger {@code org.hibernate.SQL_SLOW}) says which
 * endpoint to look at. The name goes into the logging MDC ({@code route}), carried by Micronaut's propagated
 * context onto the thread that runs the controller. Only active while the slow-statement log is on.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "strata.database.slow-statement-ms", notEquals = "0")
public class StatementRoute {

    public static final String MDC_KEY = "route";

    @RequestFilter
    public void name(HttpRequest<?> request, MutablePropagatedContext context) {
        String template = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match)
                        .getRouteInfo()
                        .getUriMatchTemplate()
                        .toPathString())
                .orElse("UNMATCHED");
        context.add(new MdcPropagationContext(Map.of(MDC_KEY, request.getMethodName() + " " + template)));
    }
}
