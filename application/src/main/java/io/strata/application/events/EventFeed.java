package io.strata.application.events;

import io.strata.domain.events.OutboxEvent;
import io.strata.domain.events.SinkId;
import io.strata.domain.shared.model.OutboundPort;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The admin's view of the outbox: committed events in (transaction, position) order, read only below the oldest
 * transaction still in flight, so a cursor never passes an event that commits later.
 */
@OutboundPort
public interface EventFeed {
    Page page(Filter filter, Cursor after, int limit);

    /** Every part optional. */
    record Filter(String eventType, String aggregateType, UUID aggregateId, Instant from, Instant to) {}

    /** Where a page ended: the last event's transaction id and position. */
    record Cursor(long txid, long position) {}

    record Entry(OutboxEvent event, List<SinkState> deliveries) {}

    /** One sink's state for an event: PENDING or DELIVERED, with the attempts made. */
    record SinkState(SinkId sinkId, String sink, String state, int attempts, Instant deliveredAt) {}

    /**
     * {@code next}: where to go on from (the last item's place; the given cursor when the page is empty), also
     * when this is the last page for now: events that commit later come after it. {@code more}: a full page
     * follows already.
     */
    record Page(List<Entry> items, Cursor next, boolean more) {}
}
