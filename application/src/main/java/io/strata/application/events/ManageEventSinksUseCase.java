package io.strata.application.events;

import io.strata.application.shared.UseCase;
import io.strata.domain.events.EventSink;
import io.strata.domain.events.LoggedAttempt;
import io.strata.domain.events.SinkId;
import io.strata.domain.events.SinkKind;
import io.strata.domain.shared.user.Actor;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The admin's sinks (ADMIN only): define, list, enable/disable, rotate a webhook secret, redeliver, delete. */
@UseCase
public interface ManageEventSinksUseCase {
    /** A new sink and its secret: the only time the secret is shown. */
    Created create(Command command);

    List<EventSink> list(Actor actor);

    EventSink get(Actor actor, SinkId id);

    EventSink changeEnabled(Actor actor, SinkId id, boolean enabled);

    /** A webhook's new secret (shown once); the previous one keeps signing during the overlap. */
    String rotateSecret(Actor actor, SinkId id);

    /** Queues one event again ({@code eventId}) or a range of positions; returns how many. */
    int redeliver(Actor actor, SinkId id, UUID eventId, Long fromPosition, Long toPosition);

    List<LoggedAttempt> attempts(Actor actor, SinkId id, int limit);

    void delete(Actor actor, SinkId id);

    /**
     * @param secret MQTT: the broker password (optional); webhooks get a generated secret; ignored for a log sink
     */
    record Command(
            Actor actor,
            String name,
            SinkKind kind,
            List<String> eventTypes,
            String url,
            String topicPrefix,
            String username,
            String secret,
            Duration timeout) {}

    record Created(EventSink sink, String secret) {}
}
