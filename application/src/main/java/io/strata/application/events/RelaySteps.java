package io.strata.application.events;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.events.Delivery;
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
 * Each step reads and writes the relay's rows and nothing else, so each is {@link Rerunnable}: they run on the
 * platform's plain transaction.
 */
@Singleton
@Rerunnable
public class RelaySteps {
    private final EventSinkRepository sinks;
    private final DeliveryQueue queue;

    public RelaySteps(EventSinkRepository sinks, DeliveryQueue queue) {
        this.sinks = sinks;
        this.queue = queue;
    }

    /** A sink's round: how many outbox events were copied into its queue, what is due now, its secrets. */
    public record Round(int read, List<Delivery> due, List<String> secrets) {}

    /** Every sink, on the primary (the relay acts on what it reads, so no replica's lag). */
    @Transactional
    public List<EventSink> sinks() {
        return sinks.all();
    }

    /**
     * Copies newly committed events into the sink's queue ({@link DeliveryQueue#enqueue}) and, when the relay
     * delivers to it ({@code deliver}: enabled, and a transport for its kind), leases its due deliveries and reads
     * its secrets: one transaction (the lease sees what it copied).
     */
    @Transactional
    public Round next(EventSink sink, boolean deliver, int limit, Duration lease, Instant now) {
        int read = queue.enqueue(sink.id(), limit);
        if (!deliver) {
            return new Round(read, List.of(), List.of());
        }
        List<Delivery> due = queue.lease(sink.id(), limit, lease);
        return new Round(read, due, due.isEmpty() ? List.of() : sinks.secrets(sink.id(), now));
    }

    /** Records the outcomes of deliveries to one sink, in one transaction ({@link DeliveryQueue#record}). */
    @Transactional
    public void record(SinkId sink, List<DeliveryQueue.Outcome> outcomes) {
        queue.record(sink, outcomes);
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
