package io.strata.bootstrap.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.strata.application.events.EventFeedQueries;
import io.strata.bootstrap.database.DatabaseAvailability;
import io.strata.domain.events.SinkBacklog;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event relay as {@code events} under {@code /health} (details for ADMIN tokens): per sink, whether it is
 * enabled, its pending deliveries and the age of its oldest undelivered event ({@code oldestUndeliveredAgeMs},
 * null when up to date). Always UP: a sink that is down delays only its own deliveries, never the application.
 */
@Singleton
@Requires(beans = HealthEndpoint.class)
public class EventDeliveryHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    public static final String NAME = "events";

    private final EventFeedQueries queue;
    private final DatabaseAvailability availability;

    public EventDeliveryHealthIndicator(EventFeedQueries queue, @Nullable DatabaseAvailability availability) {
        this.queue = queue;
        this.availability = availability;
    }

    @Override
    protected String getName() {
        return NAME;
    }

    @Override
    protected HealthResult getHealthResult() {
        if (availability != null && availability.outage().isPresent()) {
            // the backlog lives in the database: while it is known to be down, answer at once (health is bounded)
            return HealthResult.builder(NAME, HealthStatus.UNKNOWN)
                    .details(Map.of("error", "the database is unavailable"))
                    .build();
        }
        Map<String, Object> sinks = new LinkedHashMap<>();
        try {
            Instant now = Instant.now();
            for (SinkBacklog backlog : queue.backlog(Actor.system())) {
                Map<String, Object> sink = new LinkedHashMap<>();
                sink.put("kind", backlog.sink().kind().name());
                sink.put("enabled", backlog.sink().enabled());
                sink.put("pending", backlog.pending());
                sink.put(
                        "oldestUndeliveredAgeMs",
                        backlog.oldestUndelivered() == null
                                ? null
                                : Math.max(
                                        0,
                                        Duration.between(backlog.oldestUndelivered(), now)
                                                .toMillis()));
                sinks.put(backlog.sink().name(), sink);
            }
        } catch (RuntimeException e) {
            return HealthResult.builder(NAME, HealthStatus.UNKNOWN)
                    .details(Map.of("error", String.valueOf(e.getMessage())))
                    .build();
        }
        return HealthResult.builder(NAME, HealthStatus.UP)
                .details(Map.of("sinks", sinks))
                .build();
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        throw new UnsupportedOperationException("getHealthResult() is overridden");
    }
}
