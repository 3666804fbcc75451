package io.strata.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.config.JdbcTransactionInterceptor;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An ADMIN's deletion of a user that PostgreSQL ends in a deadlock with a concurrent write of that user's sessions
 * (the deadlock the API fuzz test once met) is run again by the platform and answered 204, not 409: the use case is
 * {@code @Rerunnable}. The concurrent write is another connection's, on real rows, in the order that closes the cycle.
 */
class UserDeletionDeadlockTest extends IntegrationTest {

    @Test
    void aDeletionAbortedInADeadlockWithASessionWriteRunsAgainAndLands() throws Exception {
        String admin = adminToken();
        TestUser victim = api().newUser(admin, "deadlocked", null); // logged in: one session row
        String etag =
                api().get("/api/v1/users/" + victim.id()).token(admin).send().etag();
        UUID id = UUID.fromString(victim.id());
        JdbcTransactionInterceptor interceptor = bean(JdbcTransactionInterceptor.class);
        long reruns = interceptor.lockConflictReruns();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = owner();
                Connection watcher = owner()) {
            other.setAutoCommit(false);
            // the rows the deletion's cascade must delete
            lock(other, "SELECT id FROM sessions WHERE user_id = ? FOR UPDATE", id);
            Future<?> deleted = pool.submit(() -> api().delete("/api/v1/users/" + victim.id())
                    .token(admin)
                    .ifMatch(etag)
                    .send()
                    .expect(204));
            awaitABackendWaitingOnALock(watcher);
            // the user's row, which the waiting deletion holds: PostgreSQL breaks the cycle by aborting the
            // transaction that waited first, the deletion's
            lock(other, "SELECT id FROM users WHERE id = ? FOR KEY SHARE", id);
            other.commit();
            deleted.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(interceptor.lockConflictReruns() - reruns)
                .as("the deletion ran again after the deadlock")
                .isEqualTo(1);
        api().get("/api/v1/users/" + victim.id()).token(admin).send().notFound();
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), TestPostgres.USERNAME, TestPostgres.PASSWORD);
    }

    private static void lock(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a row locked by %s", sql).isTrue();
            }
        }
    }

    private static void awaitABackendWaitingOnALock(Connection watcher) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (PreparedStatement statement = watcher.prepareStatement(
                            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                    + " AND datname = current_database()");
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the deletion never waited for the sessions' lock");
    }
}
