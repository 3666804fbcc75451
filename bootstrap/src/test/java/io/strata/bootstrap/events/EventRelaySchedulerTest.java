package io.strata.bootstrap.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.application.events.RelayEventsUseCase;
import io.strata.bootstrap.config.DatabaseSettings;
import io.strata.bootstrap.database.SchemaMigrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The relay's worker with real threads: wake-ups close together share a round; a lone one still gets its round;
 * with no sink it waits for one to be added (PostgreSQL notifies) instead of polling or taking a round per commit
 * that wrote events, unless it cannot listen.
 */
class EventRelaySchedulerTest {
    private static final Duration GATHER = Duration.ofMillis(25);
    private static final Duration POLL = Duration.ofMillis(100);

    @Test
    void commitsArrivingTogetherShareOneRoundAndALaterOneGetsItsOwn() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        RelayEventsUseCase relay = () -> {
            rounds.incrementAndGet();
            return new RelayEventsUseCase.Round(0, 1); // nothing relayed: the worker waits for the next wake-up
        };
        try (HikariDataSource nowhere = new HikariDataSource()) {
            nowhere.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none"); // the listener only retries; wake-ups are ours
            EventRelayScheduler scheduler = new EventRelayScheduler(
                    relay, nowhere, null, Duration.ofMinutes(5), Duration.ofMinutes(5), GATHER, null);
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

    @Test
    void withoutASinkOnlyASinkAddedWakesItNeitherAPollNorACommitsEvents() throws Exception {
        String url = TestPostgres.createFreshDatabase();
        new SchemaMigrations(new DatabaseSettings(url, TestPostgres.USERNAME, TestPostgres.PASSWORD)).migrate();
        AtomicInteger rounds = new AtomicInteger();
        try (HikariDataSource database = new HikariDataSource()) {
            database.setJdbcUrl(url);
            database.setUsername(TestPostgres.USERNAME);
            database.setPassword(TestPostgres.PASSWORD);
            RelayEventsUseCase relay = () -> {
                rounds.incrementAndGet();
                return new RelayEventsUseCase.Round(0, sinks(database));
            };
            EventRelayScheduler scheduler =
                    new EventRelayScheduler(relay, database, null, POLL, Duration.ofMinutes(5), GATHER, null);
            scheduler.start();
            try {
                waitFor(scheduler::listening);
                Thread.sleep(5 * POLL.toMillis()); // the round the listener asks for once it listens
                int idle = rounds.get();
                Thread.sleep(15 * POLL.toMillis());
                assertThat(rounds.get() - idle)
                        .as("rounds over 15 poll intervals without a sink, while listening")
                        .isLessThanOrEqualTo(1);
                assertThat(scheduler.knowsNoSink())
                        .as("no sink, and a sink added would wake it")
                        .isTrue();

                int beforeEvents = rounds.get();
                for (int commit = 0; commit < 5; commit++) { // a relay-less instance's commits notify with no payload
                    execute(database, "SELECT pg_notify('strata_events', '')");
                }
                Thread.sleep(5 * POLL.toMillis());
                assertThat(rounds.get())
                        .as("rounds for events committed while no sink exists")
                        .isEqualTo(beforeEvents);

                long added = System.nanoTime();
                execute( // as another instance would, in a transaction of its own
                        database,
                        "INSERT INTO event_sinks (id, name, kind, timeout_ms, cursor_txid, created_at, updated_at)"
                                + " VALUES (gen_random_uuid(), 'added', 'LOG', 1000, pg_current_xact_id(), now(),"
                                + " now())");
                int before = rounds.get();
                waitFor(() -> rounds.get() > before);
                assertThat(Duration.ofNanos(System.nanoTime() - added))
                        .as("a sink added wakes the relay (PostgreSQL notifies), not its idle poll")
                        .isLessThan(Duration.ofSeconds(30));
                waitFor(() -> !scheduler.knowsNoSink());

                int withSink = rounds.get();
                Thread.sleep(15 * POLL.toMillis());
                assertThat(rounds.get() - withSink)
                        .as("rounds over 15 poll intervals with a sink: it polls again")
                        .isGreaterThanOrEqualTo(5);
            } finally {
                scheduler.stop();
            }
        }
    }

    @Test
    void withoutItsListenItPollsEvenWithoutASink() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        RelayEventsUseCase relay = () -> {
            rounds.incrementAndGet();
            return new RelayEventsUseCase.Round(0, 0);
        };
        try (HikariDataSource nowhere = new HikariDataSource()) {
            nowhere.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none"); // the listener never gets its LISTEN
            EventRelayScheduler scheduler =
                    new EventRelayScheduler(relay, nowhere, null, POLL, Duration.ofMinutes(5), GATHER, null);
            scheduler.start();
            try {
                waitFor(() -> rounds.get() >= 1);
                int first = rounds.get();
                Thread.sleep(15 * POLL.toMillis());
                assertThat(scheduler.listening()).isFalse();
                assertThat(scheduler.knowsNoSink())
                        .as("no sink in its rounds, but a sink added would not wake it")
                        .isFalse();
                assertThat(rounds.get() - first)
                        .as("rounds over 15 poll intervals, not listening")
                        .isGreaterThanOrEqualTo(5);
            } finally {
                scheduler.stop();
            }
        }
    }

    private static void execute(HikariDataSource database, String sql) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int sinks(HikariDataSource database) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM event_sinks")) {
            count.next();
            return count.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
