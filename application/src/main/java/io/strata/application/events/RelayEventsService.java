package io.strata.application.events;

import io.strata.domain.events.Delivery;
import io.strata.domain.events.DeliveryAttempt;
import io.strata.domain.events.EventSink;
import io.strata.domain.events.SinkKind;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
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
    public int runOnce() {
        int work = 0;
        for (EventSink sink : steps.sinks()) {
            work += steps.enqueue(sink.id(), policy.batchSize());
            if (sink.enabled()) {
                work += deliver(sink);
            }
        }
        return work;
    }

    private int deliver(EventSink sink) {
        SinkTransport transport = transports.get(sink.kind());
        if (transport == null) {
            return 0;
        }
        RelaySteps.Leased leased = steps.lease(sink.id(), policy.batchSize(), policy.lease(), clock.now());
        List<Delivery> due = leased.due();
        if (due.isEmpty()) {
            return 0;
        }
        boolean anySuccess = false;
        Instant firstFailure = null;
        for (Delivery delivery : due) {
            DeliveryAttempt attempt = transport.deliver(sink, leased.secrets(), delivery.event());
            if (attempt.succeeded()) {
                steps.delivered(delivery, attempt);
                anySuccess = true;
            } else {
                steps.failed(delivery, attempt, attempt.at().plus(backoff(delivery.attempts() + 1)));
                if (firstFailure == null) {
                    firstFailure = attempt.at();
                }
            }
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
        return due.size();
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
