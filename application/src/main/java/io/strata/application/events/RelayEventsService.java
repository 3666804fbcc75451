package io.strata.application.events;

import io.strata.domain.events.Delivery;
import io.strata.domain.events.DeliveryAttempt;
import io.strata.domain.events.EventSink;
import io.strata.domain.events.SinkKind;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The relay's round: for every enabled sink, copy newly committed events into its queue, lease what is due, deliver
 * it, and record the outcome. Runs in every instance (a scheduler calls {@link #runOnce} when woken by a commit or a
 * poll); instances share the work through the queue's leases, so in normal operation each event reaches each sink
 * once, and after a crash a leased delivery is retried when its lease ends (at least once, never lost).
 *
 * <p>A failing sink is retried with exponential backoff and jitter, per delivery; it delays only its own queue
 * (writers never wait for a sink); after {@link RelayPolicy#disableAfter()} without a success it is disabled,
 * and its queue keeps filling so nothing is lost when it is enabled again.
 */
@Singleton
public class RelayEventsService implements RelayEventsUseCase {
    /** Outcomes recorded per transaction at most. */
    static final int RECORD_BATCH = 100;
    /** Outcomes waiting at most this long to be recorded. */
    static final Duration RECORD_AFTER = Duration.ofSeconds(1);

    private final RelaySteps steps;
    private final Map<SinkKind, SinkTransport> transports = new EnumMap<>(SinkKind.class);
    private final RelayPolicy policy;
    private final Clock clock;

    public RelayEventsService(RelaySteps steps, List<SinkTransport> transports, RelayPolicy policy, Clock clock) {
        this.steps = steps;
        this.policy = policy;
        this.clock = clock;
        for (SinkTransport transport : transports) {
            this.transports.put(transport.kind(), transport);
        }
    }

    /** Not one transaction: each step is its own ({@link RelaySteps}), and the sinks are called between them. */
    @Override
    public Round runOnce() {
        int work = 0;
        List<EventSink> sinks = steps.sinks();
        for (EventSink sink : sinks) {
            SinkTransport transport = transports.get(sink.kind());
            RelaySteps.Round round = steps.next(
                    sink, sink.enabled() && transport != null, policy.batchSize(), policy.lease(), clock.now());
            work += round.read() + deliver(sink, transport, round);
        }
        return new Round(work, sinks.size());
    }

    /**
     * Delivers the round's deliveries in order and records their outcomes in batches: one transaction per
     * {@link #RECORD_BATCH} deliveries, or sooner when {@link #RECORD_AFTER} has passed (so a slow sink's successes
     * are recorded long before its leases end). A relay that dies before recording leaves leases that end: those
     * events are delivered again (at least once).
     */
    private int deliver(EventSink sink, SinkTransport transport, RelaySteps.Round round) {
        if (round.due().isEmpty()) {
            return 0;
        }
        boolean anySuccess = false;
        Instant firstFailure = null;
        List<DeliveryQueue.Outcome> outcomes = new ArrayList<>();
        Instant recorded = clock.now();
        for (Delivery delivery : round.due()) {
            DeliveryAttempt attempt = transport.deliver(sink, round.secrets(), delivery.event());
            if (attempt.succeeded()) {
                outcomes.add(new DeliveryQueue.Outcome(delivery, attempt, null));
                anySuccess = true;
            } else {
                outcomes.add(new DeliveryQueue.Outcome(
                        delivery, attempt, attempt.at().plus(backoff(delivery.attempts() + 1))));
                if (firstFailure == null) {
                    firstFailure = attempt.at();
                }
            }
            if (outcomes.size() >= RECORD_BATCH || !recorded.plus(RECORD_AFTER).isAfter(clock.now())) {
                steps.record(sink.id(), outcomes);
                outcomes = new ArrayList<>();
                recorded = clock.now();
            }
        }
        if (!outcomes.isEmpty()) {
            steps.record(sink.id(), outcomes);
        }
        if (anySuccess && sink.failingSince() != null) {
            steps.health(sink.id(), null, null, clock.now());
        } else if (!anySuccess && firstFailure != null) {
            Instant since = sink.failingSince() != null ? sink.failingSince() : firstFailure;
            boolean disable = !since.plus(policy.disableAfter()).isAfter(clock.now());
            if (sink.failingSince() == null || disable) {
                steps.health(
                        sink.id(),
                        since,
                        disable ? "failing since " + since + " without a success" : null,
                        clock.now());
            }
        }
        return round.due().size();
    }

    /** Exponential: base * 2^(n-1), capped, then a random half to the full delay ("equal jitter"). */
    Duration backoff(int failures) {
        long base = policy.backoffBase().toMillis();
        long cap = policy.backoffCap().toMillis();
        long delay = failures >= 40 ? cap : Math.min(cap, base << Math.max(0, failures - 1));
        long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        return Duration.ofMillis(jittered);
    }
}
