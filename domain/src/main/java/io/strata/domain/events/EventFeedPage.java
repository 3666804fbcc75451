package io.strata.domain.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of the admin's event feed: committed events in (transaction, position) order, each with its delivery
 * state per sink. {@code next}: where to go on from (the last item's place; the given cursor when the page is
 * empty), also when this is the last page for now: events that commit later come after it. {@code more}: a full
 * page follows already.
 */
public record EventFeedPage(List<Entry> items, Cursor next, boolean more) {

    /** Every part optional. */
    public record Filter(String eventType, String aggregateType, UUID aggregateId, Instant from, Instant to) {}

    /** Where a page ended: the last event's transaction id and position. */
    public record Cursor(long txid, long position) {}

    public record Entry(OutboxEvent event, List<SinkState> deliveries) {}

    /** One sink's state for an event: PENDING or DELIVERED, with the attempts made. */
    public record SinkState(SinkId sinkId, String sink, String state, int attempts, Instant deliveredAt) {}
}
