package io.strata.application.events;

import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
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
    public EventFeed.Page feed(Actor actor, EventFeed.Filter filter, EventFeed.Cursor after, int limit) {
        actor.requireAdmin("read the event feed");
        return feed.page(filter, after, limit);
    }

    @Override
    public List<DeliveryQueue.Backlog> backlog(Actor actor) {
        actor.requireAdmin("read the event backlog");
        return queue.backlog(clock.now());
    }
}
