package io.strata.application.events;

import io.strata.domain.events.Delivery;
import io.strata.domain.events.DeliveryAttempt;
import io.strata.domain.events.EventSink;
import io.strata.domain.events.EventSinkRepository;
import io.strata.domain.events.SinkId;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The relay's short transactions, one per step of a round. {@link RelayEventsService} calls a sink between them,
 * never inside one: a slow or dead sink holds no connection and no lock. A bean of its own because a transaction
 * boundary is a call through the bean's proxy; the service calling its own methods would run them without one.
 */
@Singleton
public class RelaySteps {
    private final EventSinkRepository sinks;
    private final DeliveryQueue queue;

    public RelaySteps(EventSinkRepository sinks, DeliveryQueue queue) {
        this.sinks = sinks;
        this.queue = queue;
    }

    /** What a sink's round delivers: the leased deliveries and the secrets to sign them with. */
    public record Leased(List<Delivery> due, List<String> secrets) {}

    /** Every sink, on the primary (the relay acts on what it reads, so no replica's lag). */
    @Transactional
    public List<EventSink> sinks() {
        return sinks.all();
    }

    /** Copies newly committed events into the sink's queue ({@link DeliveryQueue#enqueue}). */
    @Transactional
    public int enqueue(SinkId sink, int limit) {
        return queue.enqueue(sink, limit);
    }

    /** Leases the sink's due deliveries and reads its secrets, in one transaction (no secrets when nothing is due). */
    @Transactional
    public Leased lease(SinkId sink, int limit, Duration lease, Instant now) {
        List<Delivery> due = queue.lease(sink, limit, lease);
        return new Leased(due, due.isEmpty() ? List.of() : sinks.secrets(sink, now));
    }

    /** Records a success: the delivery is done, the attempt logged. */
    @Transactional
    public void delivered(Delivery delivery, DeliveryAttempt attempt) {
        queue.delivered(delivery, attempt);
    }

    /** Records a failure: the attempt logged, the delivery due again at {@code retryAt}. */
    @Transactional
    public void failed(Delivery delivery, DeliveryAttempt attempt, Instant retryAt) {
        queue.failed(delivery, attempt, retryAt);
    }

    /**
     * Records the sink's health after a round: failing since {@code failingSince} (null: it works again), and
     * disabled with {@code disabledReason} when that is not null.
     */
    @Transactional
    public void health(SinkId sink, Instant failingSince, String disabledReason, Instant now) {
        sinks.failingSince(sink, failingSince);
        if (disabledReason != null) {
            sinks.changeEnabled(sink, false, disabledReason, now);
        }
    }
}
