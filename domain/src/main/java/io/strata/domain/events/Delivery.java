package io.strata.domain.events;

/** One event leased for delivery to one sink; {@code attempts} made before this one. */
public record Delivery(SinkId sinkId, OutboxEvent event, int attempts) {}
