package io.strata.application.events;

import io.strata.domain.events.EventFeedPage;
import io.strata.domain.shared.model.OutboundPort;

/**
 * The admin's view of the outbox: committed events in (transaction, position) order, read only below the oldest
 * transaction still in flight, so a cursor never passes an event that commits later.
 */
@OutboundPort
public interface EventFeed {
    EventFeedPage page(EventFeedPage.Filter filter, EventFeedPage.Cursor after, int limit);
}
