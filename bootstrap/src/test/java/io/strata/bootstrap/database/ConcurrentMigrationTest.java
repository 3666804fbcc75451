package io.strata.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.cli.SchemaCommandsTestAccess;
import io.strata.bootstrap.config.DatabaseSettings;
import io.strata.bootstrap.testing.EmbeddedClusters;
import io.strata.bootstrap.testing.ForkedStrata;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several instances migrate one empty database once: two Strata processes started at once both come up, and every
 * version is in Flyway's history once; and threads racing {@link SchemaMigrations#migrate()} all succeed.
 */
class ConcurrentMigrationTest {

    @Test
    void twoProcessesStartedAtOnceOnAnEmptyDatabaseBothComeUpAndMigrateOnce() throws Exception {
        String url = TestPostgres.createFreshDatabase();
        int versions = new SchemaMigrations(owner(url)).info().pending().size();
        List<Process> processes = new ArrayList<>();
        List<Integer> ports = List.of(EmbeddedClusters.freePort(), EmbeddedClusters.freePort());
        List<Path> logs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Path log =
                        Path.of("target", "concurrent-migration-" + i + ".log").toAbsolutePath();
                logs.add(log);
                ProcessBuilder builder = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-Xmx256m",
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                System.getProperty("java.class.path"),
                                "io.strata.bootstrap.Application",
                                "serve")
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().putAll(ForkedStrata.environment(url, ports.get(i)));
                processes.add(builder.start());
            }
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 2; i++) {
                assertThat(ForkedStrata.awaitHealthy(client, ports.get(i), processes.get(i)))
                        .as(ForkedStrata.log(logs.get(i)))
                        .isTrue();
            }
            assertThat(SchemaCommandsTestAccess.query(
                            url,
                            "SELECT count(*), count(DISTINCT version) FROM flyway_schema_history "
                                    + "WHERE success AND version IS NOT NULL"))
                    .containsExactly(versions + "");
            assertThat(SchemaCommandsTestAccess.query(
                            url, "SELECT count(*) FROM flyway_schema_history WHERE NOT success"))
                    .containsExactly("0");
            boolean waited = (ForkedStrata.log(logs.get(0)) + ForkedStrata.log(logs.get(1)))
                    .contains("Another Strata is changing the schema; waiting");
            System.out.println(
                    "concurrent migration: both instances up; one waited for the other's schema lock: " + waited);
        } finally {
            for (Process process : processes) {
                process.destroy();
            }
            for (Process process : processes) {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
        assertThat(processes)
                .allSatisfy(process -> assertThat(process.exitValue()).isZero());
    }

    @Test
    void threadsRacingToMigrateAllSucceedAndApplyEachVersionOnce() throws Exception {
        String url = TestPostgres.createFreshDatabase();
        int versions = new SchemaMigrations(owner(url)).info().pending().size();
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SchemaMigrations.Migrated>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return new SchemaMigrations(owner(url)).migrate();
                }));
            }
            int applied = 0;
            for (Future<SchemaMigrations.Migrated> result : results) {
                applied += result.get(2, TimeUnit.MINUTES).applied().size();
            }
            assertThat(applied).isEqualTo(versions);
        } finally {
            pool.shutdownNow();
        }
        assertThat(SchemaCommandsTestAccess.query(
                        url, "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL"))
                .containsExactly(versions + "");
    }

    private static DatabaseSettings owner(String url) {
        return new DatabaseSettings(url, TestPostgres.USERNAME, TestPostgres.PASSWORD);
    }
}
