package io.strata.domain.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A committed event as stored in the outbox: its position (insert order), its aggregate and its sequence number
 * in that aggregate (1, 2, ... without gaps, so a receiver can see a missing one), its type and payload (JSON).
 */
public record OutboxEvent(
        long position,
        UUID eventId,
        String aggregateType,
        UUID aggregateId,
        long sequence,
        String eventType,
        String payload,
        Instant occurredAt) {}
