package io.strata.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.strata.bootstrap.StrataServer;
import io.strata.bootstrap.database.DatabaseAvailability;
import io.strata.bootstrap.embedded.EmbeddedPostgres;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.EmbeddedClusters;
import io.strata.bootstrap.testing.WriteLoad;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the embedded PostgreSQL, on one Strata with a durable embedded cluster of its own (not the tests' fast
 * one). First, under a concurrent write load over HTTP, the postmaster is killed several times; each time Strata
 * restarts it, the load goes on, and at the end every project and task a 201 acknowledged is in the database; while
 * PostgreSQL is down, writes are answered 503, never 500. Then a server that can no longer start: Strata gives up
 * after its restart attempts and stops by itself, with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashDurabilityTest {

    private static final String ADMIN_EMAIL = "admin@crash.test";
    private static final String ADMIN_PASSWORD = "admin password for the crash test";
    private static final int CRASHES = 5;
    private static final int THREADS = 6;
    private static final int RESTART_ATTEMPTS = 3;

    @TempDir
    static Path dataDir;

    private StrataServer strata;
    private EmbeddedPostgres postgres;

    @BeforeAll
    void startStrata() {
        Map<String, String> env = EmbeddedClusters.strataEnvironment(dataDir, EmbeddedClusters.freePort());
        env.put("STRATA_EMBEDDED_DB_RESTART_ATTEMPTS", Integer.toString(RESTART_ATTEMPTS));
        strata = StrataServer.start(
                new String[] {"--strata.admin.email=" + ADMIN_EMAIL, "--strata.admin.password=" + ADMIN_PASSWORD}, env);
        postgres = strata.embeddedPostgres().orElseThrow();
    }

    @AfterAll
    void stopStrata() {
        strata.close();
    }

    @Test
    @Order(1)
    void everyAcknowledgedWriteSurvivesKillNineOfThePostmaster() throws Exception {
        List<Long> recoveryMs = new ArrayList<>();
        List<Object> unavailableMs = new ArrayList<>();
        DatabaseAvailability availability = strata.context().getBean(DatabaseAvailability.class);
        URI base = strata.server().getURL().toURI();
        String token = new Api(strata.server().getURL(), strata.context().getBean(JsonMapper.class))
                .login(ADMIN_EMAIL, ADMIN_PASSWORD);
        WriteLoad load = new WriteLoad(base, token).start(THREADS);
        try {
            for (int crash = 1; crash <= CRASHES; crash++) {
                assertThat(load.awaitAcknowledged(40, Duration.ofSeconds(60)))
                        .as("writes before crash %d", crash)
                        .isTrue();
                kill(postgres);
                int expectedRestarts = crash;
                awaitUntil(
                        () -> postgres.status().restarts() == expectedRestarts
                                && postgres.isRunning()
                                && availability.outage().isEmpty(),
                        Duration.ofSeconds(60),
                        "restart " + crash);
                recoveryMs.add(postgres.status().lastRecoveryMs());
                unavailableMs.add(availability.details().get("lastOutageMs"));
                assertThat(load.awaitAcknowledged(20, Duration.ofSeconds(60)))
                        .as("writes after crash %d", crash)
                        .isTrue();
            }
        } finally {
            load.close();
        }

        assertThat(load.unexpected).as("answers other than 201 and 503").isEmpty();
        Set<String> foundProjects = existing("projects", load.projects, postgres);
        Set<String> foundTasks = existing("tasks", load.tasks, postgres);
        System.out.printf(
                "crash test: %d crashes; acknowledged %d projects, %d tasks; found %d projects, %d tasks; "
                        + "503s %d (max %d ms); transport failures %d; restart (crash to ready) ms %s; "
                        + "503 window (circuit open) ms %s%n",
                CRASHES,
                load.projects.size(),
                load.tasks.size(),
                foundProjects.size(),
                foundTasks.size(),
                load.count(503),
                load.unavailableNanos.stream()
                        .mapToLong(n -> n / 1_000_000)
                        .max()
                        .orElse(0),
                load.transportFailures.size(),
                recoveryMs,
                unavailableMs);
        assertThat(foundProjects)
                .as("acknowledged projects in the database")
                .containsExactlyInAnyOrderElementsOf(load.projects);
        assertThat(foundTasks).as("acknowledged tasks in the database").containsExactlyInAnyOrderElementsOf(load.tasks);
        assertThat(load.transportFailures).as("requests left without an answer").isEmpty();
    }

    @Test
    @Order(2)
    void strataStopsWithTheReasonWhenPostgresCannotBeRestarted() throws Exception {
        // a setting PostgreSQL rejects: every restart fails
        Files.writeString(
                dataDir.resolve("pg").resolve("postgresql.auto.conf"),
                "\nnot_a_setting = 1\n",
                StandardOpenOption.APPEND);
        kill(postgres);

        assertThat(strata.awaitShutdown(Duration.ofSeconds(60)))
                .as("Strata stopped by itself")
                .isTrue();
        assertThat(strata.failure())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("could not be restarted after " + RESTART_ATTEMPTS + " attempts")
                        .contains("postgresql.auto.conf\" contains errors"));
        assertThat(strata.server().isRunning()).isFalse();
        assertThat(postgres.status().state()).isEqualTo(EmbeddedPostgres.State.STOPPED);
    }

    private static void kill(EmbeddedPostgres postgres) throws Exception {
        long pid = postgres.postmasterPidFromFile().orElseThrow();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        assertThat(postmaster.destroyForcibly()).isTrue();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
    }

    private static Set<String> existing(String table, Set<String> ids, EmbeddedPostgres postgres) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(postgres.settings().jdbcUrl(), EmbeddedPostgres.SUPERUSER, "");
                PreparedStatement query =
                        connection.prepareStatement("SELECT id FROM " + table + " WHERE id = ANY(?)")) {
            Array array = connection.createArrayOf(
                    "uuid", ids.stream().map(UUID::fromString).toArray());
            query.setArray(1, array);
            Set<String> found = new HashSet<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long for %s", what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
