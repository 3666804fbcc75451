package io.strata.application.events;

import java.time.Duration;

/**
 * How the relay delivers.
 *
 * @param batchSize      events copied into a sink's queue, and deliveries leased, per round
 * @param lease          how long a relay holds the deliveries it leased (longer than a round trip)
 * @param backoffBase    the first retry's delay; each failure doubles it, with jitter, up to {@code backoffCap}
 * @param disableAfter   a sink failing without a success for this long is disabled
 * @param secretOverlap  how long a rotated-out webhook secret still signs
 */
public record RelayPolicy(
        int batchSize,
        Duration lease,
        Duration backoffBase,
        Duration backoffCap,
        Duration disableAfter,
        Duration secretOverlap) {}
