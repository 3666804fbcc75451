package io.strata.bootstrap.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.strata.application.events.RelayEventsUseCase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The relay's worker with real threads: wake-ups close together share a round; a lone one still gets its round. */
class EventRelaySchedulerTest {
    private static final Duration GATHER = Duration.ofMillis(25);

    @Test
    void commitsArrivingTogetherShareOneRoundAndALaterOneGetsItsOwn() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        RelayEventsUseCase relay = () -> {
            rounds.incrementAndGet();
            return 0; // nothing relayed: the worker waits for the next wake-up
        };
        try (HikariDataSource nowhere = new HikariDataSource()) {
            nowhere.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none"); // the listener only retries; wake-ups are ours
            EventRelayScheduler scheduler =
                    new EventRelayScheduler(relay, nowhere, null, Duration.ofMinutes(5), GATHER);
            scheduler.start();
            try {
                waitFor(() -> rounds.get() >= 1); // the first round runs at start
                int before = rounds.get();
                long started = System.nanoTime();
                for (int commit = 0; commit < 100; commit++) { // a commit every 2 ms, each notifying
                    scheduler.wakeUp();
                    Thread.sleep(2);
                }
                long burstMillis = (System.nanoTime() - started) / 1_000_000;
                waitFor(() -> rounds.get() > before);
                Thread.sleep(2 * GATHER.toMillis()); // the round of the last wake-up
                int burstRounds = rounds.get() - before;
                assertThat(burstRounds)
                        .as(
                                "100 wake-ups over %d ms: a round per gathering pause at most, not one per commit",
                                burstMillis)
                        .isBetween(1, (int) (burstMillis / GATHER.toMillis()) + 2);

                int quiet = rounds.get();
                scheduler.wakeUp();
                waitFor(() -> rounds.get() == quiet + 1);
            } finally {
                scheduler.stop();
            }
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
