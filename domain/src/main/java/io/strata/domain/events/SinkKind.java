package io.strata.domain.events;

/** How a sink delivers: a structured log line, a signed webhook, an MQTT message. */
public enum SinkKind {
    LOG,
    WEBHOOK,
    MQTT
}
