package io.strata.adapters.sinks;

import io.strata.domain.events.OutboxEvent;

/**
 * The body every sink receives for an event (Standard Webhooks' {@code type}/{@code timestamp}/{@code data}
 * shape): the event id (for de-duplication), its aggregate and per-aggregate sequence number (to detect a gap),
 * and its payload. Every value but the payload is an id, a checked type name, a number or an instant, so the body
 * is built without escaping; the payload is the outbox's JSON as stored.
 */
final class EventEnvelope {
    private EventEnvelope() {}

    static String json(OutboxEvent event) {
        return "{\"type\":\"" + event.eventType() + "\",\"timestamp\":\"" + event.occurredAt()
                + "\",\"data\":{\"eventId\":\"" + event.eventId() + "\",\"aggregateType\":\"" + event.aggregateType()
                + "\",\"aggregateId\":\"" + event.aggregateId() + "\",\"sequence\":" + event.sequence()
                + ",\"position\":" + event.position() + ",\"payload\":" + event.payload() + "}}";
    }
}
