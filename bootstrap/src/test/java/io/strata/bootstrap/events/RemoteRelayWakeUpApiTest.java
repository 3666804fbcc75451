package io.strata.bootstrap.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * An instance whose relay is off tells the other instances' relays that events committed: a notification on their
 * channel after the commits, one per gathering pause however many commits it covers, none without a commit.
 */
class RemoteRelayWakeUpApiTest extends IntegrationTest {
    private static final long GATHER_MILLIS = 300;

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of("strata.events.relay.enabled", "false", "strata.events.relay.gather", GATHER_MILLIS + "ms");
    }

    @Test
    void commitsThatRecordEventsNotifyTheRelaysOncePerGatheringPause() throws Exception {
        assertThat(context.findBean(EventRelayScheduler.class)).isEmpty();
        TestUser owner = api().newUser(adminToken(), "notifyingowner", null);
        try (Connection listener =
                DriverManager.getConnection(jdbcUrl(), TestPostgres.USERNAME, TestPostgres.PASSWORD)) {
            try (Statement statement = listener.createStatement()) {
                statement.execute("LISTEN " + EventRelayScheduler.CHANNEL);
            }
            PGConnection pg = listener.unwrap(PGConnection.class);
            notifications(pg, 3 * GATHER_MILLIS); // what the set-up's commits owed
            assertThat(notifications(pg, 3 * GATHER_MILLIS))
                    .as("without a commit")
                    .isZero();

            long started = System.nanoTime();
            int commits = 10;
            for (int project = 1; project <= commits; project++) {
                api().post("/api/v1/projects")
                        .token(owner.token())
                        .json(Map.of("name", "Notifying " + project))
                        .send()
                        .expect(201);
            }
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            int heard = notifications(pg, 3 * GATHER_MILLIS);

            assertThat(heard)
                    .as(
                            "notifications for %d commits over %d ms, a gathering pause being %d ms",
                            commits, tookMillis, GATHER_MILLIS)
                    .isBetween(1, (int) (tookMillis / GATHER_MILLIS) + 2);
        }
    }

    /** The notifications on the channel within {@code millis}. */
    private static int notifications(PGConnection pg, long millis) throws Exception {
        int count = 0;
        long deadline = System.nanoTime() + millis * 1_000_000;
        long left;
        while ((left = (deadline - System.nanoTime()) / 1_000_000) > 0) {
            PGNotification[] received = pg.getNotifications((int) left);
            count += received == null ? 0 : received.length;
        }
        return count;
    }
}
