package io.strata.bootstrap.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.strata.application.events.RelayPolicy;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The event relay's settings (README: Events). */
@Factory
public class EventsWiring {

    @Singleton
    RelayPolicy relayPolicy(
            @Value("${strata.events.relay.batch-size:200}") int batchSize,
            @Value("${strata.events.relay.lease:2m}") Duration lease,
            @Value("${strata.events.relay.backoff-base:1s}") Duration backoffBase,
            @Value("${strata.events.relay.backoff-cap:10m}") Duration backoffCap,
            @Value("${strata.events.relay.disable-after:24h}") Duration disableAfter,
            @Value("${strata.events.webhook.secret-overlap:24h}") Duration secretOverlap) {
        return new RelayPolicy(batchSize, lease, backoffBase, backoffCap, disableAfter, secretOverlap);
    }
}
