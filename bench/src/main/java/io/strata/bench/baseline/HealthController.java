package io.strata.bench.baseline;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Map;

/** {@code GET /health}: the server is up. Touches no database; the benchmark only polls it at start-up. */
@Controller("/health")
public final class HealthController {
    private static final Map<String, String> UP = Map.of("status", "UP");

    @Get
    public Map<String, String> health() {
        return UP;
    }
}
