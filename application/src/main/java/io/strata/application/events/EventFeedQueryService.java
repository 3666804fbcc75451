package io.strata.application.events;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.events.EventFeedPage;
import io.strata.domain.events.SinkBacklog;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
@ReadOnlyTransaction
public class EventFeedQueryService implements EventFeedQueries {
    private final EventFeed feed;
    private final DeliveryQueue queue;
    private final Clock clock;

    public EventFeedQueryService(EventFeed feed, DeliveryQueue queue, Clock clock) {
        this.feed = feed;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public EventFeedPage feed(Actor actor, EventFeedPage.Filter filter, EventFeedPage.Cursor after, int limit) {
        actor.requireAdmin("read the event feed");
        return feed.page(filter, after, limit);
    }

    @Override
    public List<SinkBacklog> backlog(Actor actor) {
        actor.requireAdmin("read the event backlog");
        return queue.backlog(clock.now());
    }
}
