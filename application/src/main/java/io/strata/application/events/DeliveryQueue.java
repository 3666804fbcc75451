package io.strata.application.events;

import io.strata.domain.events.Delivery;
import io.strata.domain.events.DeliveryAttempt;
import io.strata.domain.events.LoggedAttempt;
import io.strata.domain.events.SinkBacklog;
import io.strata.domain.events.SinkId;
import io.strata.domain.shared.model.OutboundPort;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outbox as seen by the relay: each sink's queue of events to deliver. Every method runs in its caller's
 * transaction ({@link RelaySteps} keeps them short: nothing is held while a sink is called).
 */
@OutboundPort
public interface DeliveryQueue {
    /**
     * Copies up to {@code limit} committed events after the sink's cursor into its queue (those it wants), and moves
     * the cursor. Reads only below the oldest transaction still in flight, so an event whose transaction commits
     * late is never passed. Returns how many outbox events were read (0: the sink is up to date, or another relay
     * is copying for it right now).
     */
    int enqueue(SinkId sink, int limit);

    /**
     * Leases up to {@code limit} pending deliveries of the sink that are due, for {@code lease}: at most one per
     * aggregate, and only an aggregate's earliest pending event, so each aggregate's events go out in order.
     * Rows another relay holds are skipped.
     */
    List<Delivery> lease(SinkId sink, int limit, Duration lease);

    /**
     * One delivery's attempt: a success is done, a failure due again at {@code retryAt} (null for a success);
     * either way the attempt is logged.
     */
    record Outcome(Delivery delivery, DeliveryAttempt attempt, Instant retryAt) {}

    /** Records the outcomes of one sink's deliveries, in order, in one statement whatever their number. */
    void record(SinkId sink, List<Outcome> outcomes);

    /**
     * Queues the sink's events from {@code fromPosition} to {@code toPosition} (inclusive) again, delivered or
     * not; returns how many.
     */
    int redeliver(SinkId sink, long fromPosition, long toPosition);

    /** The outbox position of an event, if it exists. */
    java.util.Optional<Long> positionOf(UUID eventId);

    /** The age of the oldest event each sink has not received yet (queued or not copied yet), by sink. */
    List<SinkBacklog> backlog(Instant now);

    /** The attempt log of a sink, newest first. */
    List<LoggedAttempt> attempts(SinkId sink, int limit);
}
