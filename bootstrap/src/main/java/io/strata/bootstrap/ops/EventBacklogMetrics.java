package io.strata.bootstrap.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.configuration.metrics.annotation.RequiresMetrics;
import io.micronaut.context.BeanProvider;
import io.micronaut.scheduling.annotation.Scheduled;
import io.strata.application.events.EventFeedQueries;
import io.strata.bootstrap.database.DatabaseAvailability;
import io.strata.bootstrap.events.EventRelayScheduler;
import io.strata.domain.events.SinkBacklog;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event relay's backlog as meters: {@code strata_events_oldest_undelivered_age_seconds} (how long the oldest event
 * not yet delivered to an enabled sink has waited; 0 when every enabled sink is up to date) and
 * {@code strata_events_pending} (deliveries waiting, all sinks). The backlog is a database query, so it is read every
 * {@code strata.metrics.events-refresh} on the scheduler, never on the scrape's thread; the age is computed at the
 * scrape from the oldest event's time, so it keeps growing while the relay is stuck. While this instance's relay knows
 * there is no sink ({@link EventRelayScheduler#knowsNoSink()}), the backlog is empty without asking the database: an
 * idle instance without sinks ran this query every 5 s for nothing.
 */
@Singleton
@RequiresMetrics
public class EventBacklogMetrics implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(EventBacklogMetrics.class);

    // a provider: the use case needs the database, whose pool is created with the meter registry, which binds this
    private final BeanProvider<EventFeedQueries> queue;
    private final BeanProvider<DatabaseAvailability> availability;
    private final BeanProvider<EventRelayScheduler> relay;
    private volatile Instant oldestUndelivered;
    private volatile double pending = Double.NaN;

    public EventBacklogMetrics(
            BeanProvider<EventFeedQueries> queue,
            BeanProvider<DatabaseAvailability> availability,
            BeanProvider<EventRelayScheduler> relay) {
        this.queue = queue;
        this.availability = availability;
        this.relay = relay;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("strata.events.oldest.undelivered.age", this, EventBacklogMetrics::oldestAgeSeconds)
                .baseUnit("seconds")
                .description("How long the oldest event not yet delivered to an enabled sink has waited (0: none)")
                .register(registry);
        Gauge.builder("strata.events.pending", this, metrics -> metrics.pending)
                .description("Event deliveries waiting for their sink (NaN until first read)")
                .register(registry);
    }

    @Scheduled(fixedDelay = "${strata.metrics.events-refresh:5s}", initialDelay = "1s")
    void refresh() {
        if (availability.isPresent() && availability.get().outage().isPresent()) {
            return; // the backlog lives in the database: keep the last figures while it is down
        }
        if (relay.isPresent() && relay.get().knowsNoSink()) {
            oldestUndelivered = null;
            pending = 0;
            return;
        }
        try {
            Instant oldest = null;
            long waiting = 0;
            for (SinkBacklog backlog : queue.get().backlog(Actor.system())) {
                if (!backlog.sink().enabled()) {
                    continue;
                }
                waiting += backlog.pending();
                Instant first = backlog.oldestUndelivered();
                if (first != null && (oldest == null || first.isBefore(oldest))) {
                    oldest = first;
                }
            }
            oldestUndelivered = oldest;
            pending = waiting;
        } catch (RuntimeException e) {
            LOG.debug("Cannot read the event backlog for the metrics: {}", e.getMessage());
        }
    }

    private double oldestAgeSeconds() {
        if (Double.isNaN(pending)) {
            return Double.NaN;
        }
        Instant oldest = oldestUndelivered;
        return oldest == null
                ? 0.0
                : Math.max(0, Duration.between(oldest, Instant.now()).toMillis()) / 1000.0;
    }
}
