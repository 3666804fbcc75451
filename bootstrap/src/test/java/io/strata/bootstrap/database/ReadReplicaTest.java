package io.strata.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.strata.adapters.persistence.shared.replica.ReplicaMonitor;
import io.strata.adapters.persistence.shared.replica.WalPosition;
import io.strata.bootstrap.StrataServer;
import io.strata.bootstrap.config.ReplicaWiring;
import io.strata.bootstrap.embedded.EmbeddedPostgres;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.EmbeddedClusters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real streaming replica: the test makes a primary, copies it cold into a standby ({@code standby.signal},
 * {@code primary_conninfo}), and runs Strata on both. Read-only use cases go to the replica; a write's consistency
 * token makes a read wait for the replica's replay or go to the primary; a replica that lags past the bound, stops,
 * or comes back moves reads to the primary and back by itself, with no failed request once the move is known.
 */
class ReadReplicaTest {

    private static final String ADMIN_EMAIL = "admin@replica.test";
    private static final String ADMIN_PASSWORD = "admin password for the replica test";
    private static final long BOUND_MS = 30_000;

    @TempDir
    Path dir;

    @Test
    void readsGoToTheReplicaFollowTheTokenAndFallBackToThePrimaryAndReturn() throws Exception {
        Path primaryDir = dir.resolve("primary");
        Path replicaDir = dir.resolve("replica");
        int primaryPort = EmbeddedClusters.freePort();
        int replicaPort = EmbeddedClusters.freePort();
        EmbeddedClusters.start(primaryDir, primaryPort, 1).close(); // initialised, then stopped cleanly
        copy(primaryDir, replicaDir);
        Files.setPosixFilePermissions(replicaDir, PosixFilePermissions.fromString("rwx------")); // PostgreSQL insists
        Files.writeString(replicaDir.resolve("standby.signal"), "");
        Files.writeString(
                replicaDir.resolve("postgresql.auto.conf"),
                "\nprimary_conninfo = 'host=localhost port=" + primaryPort + " user=" + EmbeddedPostgres.SUPERUSER
                        + " application_name=strata_test_standby'\n",
                StandardOpenOption.APPEND);
        EmbeddedPostgres primary = EmbeddedClusters.start(primaryDir, primaryPort, 1);
        EmbeddedPostgres replica = EmbeddedClusters.start(replicaDir, replicaPort, 1);
        try {
            Map<String, String> env = Map.of(
                    "STRATA_DB_URL",
                    primary.settings().jdbcUrl(),
                    "STRATA_DB_USER",
                    EmbeddedPostgres.SUPERUSER,
                    "PORT",
                    "-1");
            String[] args = {
                "--strata.admin.email=" + ADMIN_EMAIL,
                "--strata.admin.password=" + ADMIN_PASSWORD,
                "--strata.database.replica.url=" + replica.settings().jdbcUrl(),
                "--strata.database.replica.max-lag=2s",
                "--strata.database.replica.check-interval=100ms",
                "--strata.database.replica.connect-timeout=1s"
            };
            try (StrataServer strata = StrataServer.start(args, env)) {
                Api api = new Api(strata.server().getURL(), strata.context().getBean(JsonMapper.class));
                ReplicaMonitor monitor =
                        strata.context().getBean(ReplicaWiring.class).monitor().orElseThrow();
                String token = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
                await("the replica serves reads", () -> monitor.status().inUse());

                // a write answers a consistency token; reads go to the replica
                Api.Response created = api.post("/api/v1/projects")
                        .token(token)
                        .json(Map.of("name", "replicated"))
                        .send()
                        .expect(201);
                String written = created.header("Strata-Consistency-Token").orElseThrow();
                assertThat(WalPosition.parse(written)).isPresent();
                String id = (String) created.json().get("id");
                long onReplica = monitor.replicaReads();
                api.get("/api/v1/projects/" + id)
                        .token(token)
                        .header("Strata-Consistency-Token", written)
                        .send()
                        .expect(200);
                await(
                        "the replica has replayed the write",
                        () -> monitor.status().replayed() != null
                                && WalPosition.atOrAfter(
                                        monitor.status().replayed(),
                                        WalPosition.parse(written).get()));
                api.get("/api/v1/projects/" + id).token(token).send().expect(200);
                assertThat(monitor.replicaReads()).as("reads on the replica").isGreaterThan(onReplica);

                // replay paused: a read with the new write's token goes to the primary and sees it
                sql(replica, "SELECT pg_wal_replay_pause()");
                Api.Response second = api.post("/api/v1/projects")
                        .token(token)
                        .json(Map.of("name", "not replayed yet"))
                        .send()
                        .expect(201);
                String secondId = (String) second.json().get("id");
                long onPrimary = monitor.primaryReads();
                api.get("/api/v1/projects/" + secondId)
                        .token(token)
                        .header(
                                "Strata-Consistency-Token",
                                second.header("Strata-Consistency-Token").orElseThrow())
                        .send()
                        .expect(200);
                assertThat(monitor.primaryReads())
                        .as("the token's read on the primary")
                        .isGreaterThan(onPrimary);

                // still paused: past the lag bound reads move to the primary
                long pausedAt = System.nanoTime();
                await("reads leave a lagging replica", () -> {
                    api.post("/api/v1/projects")
                            .token(token)
                            .json(Map.of("name", "traffic"))
                            .send()
                            .expect(201);
                    return !monitor.status().inUse();
                });
                assertThat(monitor.status().reason()).startsWith("lagging");
                api.get("/api/v1/projects/" + secondId).token(token).send().expect(200);
                Map<String, Object> health = replicaHealth(api, token);
                assertThat(health).containsEntry("reads", "primary");
                long lagFallbackMs = millisSince(pausedAt);
                sql(replica, "SELECT pg_wal_replay_resume()");
                await(
                        "reads return to the replica once it caught up",
                        () -> monitor.status().inUse());

                // a replica connection breaks under a read (its backend is terminated while the pool holds it):
                // the read runs again on the primary and the client sees a 200
                long retriedBefore = monitor.retriedReads();
                for (int i = 0; i < 50 && monitor.retriedReads() == retriedBefore; i++) {
                    await("the replica serves reads", () -> monitor.status().inUse());
                    api.get("/api/v1/projects/" + id).token(token).send().expect(200);
                    sql(
                            replica,
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                    + " WHERE application_name = 'strata-replica'");
                    api.get("/api/v1/projects/" + id).token(token).send().expect(200);
                    api.get("/api/v1/projects?limit=5").token(token).send().expect(200);
                }
                assertThat(monitor.retriedReads())
                        .as("reads that lost their replica connection and ran again on the primary")
                        .isGreaterThan(retriedBefore);
                assertThat(replicaHealth(api, token)).containsKey("retriedReads");
                await(
                        "reads return to the replica after a broken connection",
                        () -> monitor.status().inUse());

                // the replica stops: reads move to the primary; no request fails, not even the ones in flight
                replica.close();
                long stoppedAt = System.nanoTime();
                List<Integer> during = new ArrayList<>();
                await("reads leave a stopped replica", () -> {
                    during.add(api.get("/api/v1/projects/" + id)
                            .token(token)
                            .send()
                            .status());
                    return !monitor.status().inUse();
                });
                long failoverMs = millisSince(stoppedAt);
                assertThat(during).as("statuses while the replica stopped").containsOnly(200);
                for (int i = 0; i < 20; i++) {
                    api.get("/api/v1/projects/" + id).token(token).send().expect(200);
                    api.get("/api/v1/projects?limit=5").token(token).send().expect(200);
                }
                assertThat(replicaHealth(api, token)).containsEntry("reads", "primary");

                // it comes back: reads return to it
                replica = EmbeddedClusters.start(replicaDir, replicaPort, 1);
                long restartedAt = System.nanoTime();
                await(
                        "reads return to the restarted replica",
                        () -> monitor.status().inUse());
                long returnMs = millisSince(restartedAt);
                long before = monitor.replicaReads();
                api.get("/api/v1/projects/" + id).token(token).send().expect(200);
                assertThat(monitor.replicaReads()).isGreaterThan(before);
                assertThat(api.get("/prometheus").send().expect(200).body())
                        .containsPattern("strata_replica_in_use\\{[^}]*} 1.0")
                        .containsPattern("strata_replica_reads_total\\{[^}]*target=\"replica\"}")
                        .containsPattern("strata_replica_retried_reads_total\\{[^}]*} [1-9]");
                System.out.printf(
                        "replica: lag past the 2 s bound noticed after %d ms; stopped replica: reads on the primary "
                                + "after %d ms (statuses meanwhile %s); back on the replica %d ms after its restart%n",
                        lagFallbackMs, failoverMs, during, returnMs);
            }
        } finally {
            replica.close();
            primary.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> replicaHealth(Api api, String adminToken) {
        Map<String, Object> health = api.get("/health").token(adminToken).send().json();
        Map<String, Object> components = (Map<String, Object>) health.get("details");
        Map<String, Object> replica = (Map<String, Object>) components.get("replica");
        assertThat(replica).containsEntry("status", "UP");
        return (Map<String, Object>) replica.get("details");
    }

    private static void sql(EmbeddedPostgres database, String statement) throws Exception {
        try (Connection connection = database.settings().connect("replica-test");
                Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            assertThat(millisSince(start)).as(what).isLessThan(BOUND_MS);
            Thread.sleep(50);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                String name = source.getFileName().toString();
                if (name.equals("postmaster.pid") || name.equals("postmaster.opts")) {
                    return;
                }
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
