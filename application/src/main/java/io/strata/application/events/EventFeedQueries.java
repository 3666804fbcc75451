package io.strata.application.events;

import io.strata.application.shared.Query;
import io.strata.domain.events.EventFeedPage;
import io.strata.domain.events.SinkBacklog;
import io.strata.domain.shared.user.Actor;
import java.util.List;

/** The admin event feed and the relay's backlog (ADMIN only). */
@Query
public interface EventFeedQueries {
    EventFeedPage feed(Actor actor, EventFeedPage.Filter filter, EventFeedPage.Cursor after, int limit);

    List<SinkBacklog> backlog(Actor actor);
}
