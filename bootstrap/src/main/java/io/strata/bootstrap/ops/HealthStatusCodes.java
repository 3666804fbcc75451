package io.strata.bootstrap.ops;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.filter.HealthResultFilter;

/**
 * The health endpoint's status codes (503 while DOWN), as Micronaut's {@link HealthResultFilter} sets them, declared
 * on every path: that filter is declared on the three health paths, so Micronaut matched its patterns against every
 * request's path. It only acts on a response whose body is a health result, so no path test is needed.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Replaces(HealthResultFilter.class)
@Requires(beans = HealthEndpoint.class)
public class HealthStatusCodes extends HealthResultFilter {

    public HealthStatusCodes(HealthEndpoint healthEndpoint) {
        super(healthEndpoint);
    }

    @Override
    @ResponseFilter
    public void doFilter(MutableHttpResponse<?> response) {
        super.doFilter(response);
    }
}
