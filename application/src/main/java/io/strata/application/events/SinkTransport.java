package io.strata.application.events;

import io.strata.domain.events.DeliveryAttempt;
import io.strata.domain.events.EventSink;
import io.strata.domain.events.OutboxEvent;
import io.strata.domain.events.SinkKind;
import io.strata.domain.shared.model.OutboundPort;
import java.util.List;

/**
 * Carries an event to a sink of one {@link SinkKind}: an outbound adapter per kind (log, webhook, MQTT). Never
 * throws for a sink that fails: the failure is an {@link Attempt} that did not succeed.
 */
@OutboundPort
public interface SinkTransport {
    SinkKind kind();

    /** @param secrets the sink's current secret first, then one still valid during a rotation (may be empty) */
    DeliveryAttempt deliver(EventSink sink, List<String> secrets, OutboxEvent event);
}
