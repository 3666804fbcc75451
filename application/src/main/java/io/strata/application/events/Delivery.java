package io.strata.application.events;

import io.strata.domain.events.OutboxEvent;
import io.strata.domain.events.SinkId;

/** One event leased for delivery to one sink; {@code attempts} made before this one. */
public record Delivery(SinkId sinkId, OutboxEvent event, int attempts) {}
