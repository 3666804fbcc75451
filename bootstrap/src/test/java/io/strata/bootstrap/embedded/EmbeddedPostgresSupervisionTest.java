package io.strata.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.EmbeddedClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of the embedded PostgreSQL's postmaster: Strata restarts it on the same data, or gives up clearly. */
class EmbeddedPostgresSupervisionTest {

    @TempDir
    Path dataDir;

    @Test
    void aKilledServerIsRestartedOnItsDataAndGivenUpOnlyAfterRepeatedFailures() throws Exception {
        Path pgDir = dataDir.resolve("pg");
        try (EmbeddedPostgres postgres = EmbeddedClusters.start(pgDir, EmbeddedClusters.freePort(), 2)) {
            Events events = new Events();
            postgres.addListener(events);
            try (Connection connection = connect(postgres);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE acknowledged (id int PRIMARY KEY)");
                statement.execute("INSERT INTO acknowledged SELECT generate_series(1, 1000)");
            }
            long firstPid = kill(postgres);

            assertThat(events.restarted.await(60, TimeUnit.SECONDS))
                    .as("restarted after kill -9")
                    .isTrue();
            EmbeddedPostgres.Status status = postgres.status();
            assertThat(status.state()).isEqualTo(EmbeddedPostgres.State.RUNNING);
            assertThat(status.restarts()).isEqualTo(1);
            assertThat(status.pid()).isNotEqualTo(firstPid);
            assertThat(status.lastExitStatus()).isEqualTo(137); // 128 + SIGKILL
            assertThat(status.lastRecoveryMs()).isNotNull().isPositive();
            assertThat(postgres.postmasterPidFromFile()).contains(status.pid());
            try (Connection connection = connect(postgres);
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM acknowledged")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1000);
            }
            System.out.printf("embedded restart: crash to accepting connections in %d ms%n", status.lastRecoveryMs());

            // a server that cannot start any more (a setting PostgreSQL rejects): two attempts, then give up
            Files.writeString(
                    pgDir.resolve("postgresql.auto.conf"), "\nnot_a_setting = 1\n", StandardOpenOption.APPEND);
            kill(postgres);

            assertThat(events.gaveUp.await(60, TimeUnit.SECONDS)).as("gave up").isTrue();
            assertThat(events.message.get())
                    .contains("could not be restarted after 2 attempts")
                    .contains("postgresql.auto.conf\" contains errors");
            assertThat(postgres.status().state()).isEqualTo(EmbeddedPostgres.State.FAILED);
            assertThat(postgres.isRunning()).isFalse();
        }
    }

    /** kill -9 of the postmaster named in postmaster.pid, as an operator (or the OOM killer) would; waits for it to die. */
    static long kill(EmbeddedPostgres postgres) throws Exception {
        long pid = postgres.postmasterPidFromFile().orElseThrow();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        assertThat(process.destroyForcibly()).isTrue();
        process.onExit().get(30, TimeUnit.SECONDS);
        return pid;
    }

    private static Connection connect(EmbeddedPostgres postgres) throws Exception {
        return DriverManager.getConnection(
                postgres.settings().jdbcUrl(),
                postgres.settings().username(),
                postgres.settings().password());
    }

    private static final class Events implements EmbeddedPostgres.Listener {
        final CountDownLatch restarted = new CountDownLatch(1);
        final CountDownLatch gaveUp = new CountDownLatch(1);
        final AtomicReference<String> message = new AtomicReference<>();

        @Override
        public void restarted(EmbeddedPostgres postgres) {
            restarted.countDown();
        }

        @Override
        public void gaveUp(EmbeddedPostgres postgres, String why) {
            message.set(why);
            gaveUp.countDown();
        }
    }
}
