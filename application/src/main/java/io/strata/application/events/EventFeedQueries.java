package io.strata.application.events;

import io.strata.application.shared.Query;
import io.strata.domain.shared.user.Actor;
import java.util.List;

/** The admin event feed and the relay's backlog (ADMIN only). */
@Query
public interface EventFeedQueries {
    EventFeed.Page feed(Actor actor, EventFeed.Filter filter, EventFeed.Cursor after, int limit);

    List<DeliveryQueue.Backlog> backlog(Actor actor);
}
