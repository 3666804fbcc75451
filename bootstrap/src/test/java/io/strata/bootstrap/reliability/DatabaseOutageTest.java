package io.strata.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.strata.bootstrap.StrataServer;
import io.strata.bootstrap.embedded.EmbeddedPostgres;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.EmbeddedClusters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An external database that goes away and comes back (a PostgreSQL of the test's own, so no supervisor restarts
 * it): requests are answered 503 problem+json with Retry-After, quickly once the outage is known; health says DOWN
 * quickly while liveness stays UP; and service resumes by itself when the database is back.
 */
class DatabaseOutageTest {

    private static final String ADMIN_EMAIL = "admin@outage.test";
    private static final String ADMIN_PASSWORD = "admin password for the outage test";
    /** Loose on purpose (a shared 2-core machine): the pool's timeout is 5 s, a known outage answers in milliseconds. */
    private static final long FAST_MS = 2000;

    @TempDir
    Path dataDir;

    @Test
    void whileTheDatabaseIsDownRequestsGetAFast503AndServiceResumesByItself() throws Exception {
        Path pgDir = dataDir.resolve("pg");
        int pgPort = EmbeddedClusters.freePort();
        EmbeddedPostgres database = EmbeddedClusters.start(pgDir, pgPort, 1);
        try {
            Map<String, String> env = Map.of(
                    "STRATA_DB_URL",
                    database.settings().jdbcUrl(),
                    "STRATA_DB_USER",
                    EmbeddedPostgres.SUPERUSER,
                    "PORT",
                    "-1");
            String[] args = {"--strata.admin.email=" + ADMIN_EMAIL, "--strata.admin.password=" + ADMIN_PASSWORD};
            try (StrataServer strata = StrataServer.start(args, env)) {
                Api api = new Api(strata.server().getURL(), strata.context().getBean(JsonMapper.class));
                String token = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
                api.get("/api/v1/users/me").token(token).send().expect(200);

                database.close(); // the database goes away

                long start = System.nanoTime();
                unavailable(
                        api.get("/api/v1/users/me").token(token).send()); // may wait for the pool: the outage is news
                long firstMs = millisSince(start);
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    start = System.nanoTime();
                    unavailable(
                            i % 2 == 0
                                    ? api.get("/api/v1/users/me").token(token).send()
                                    : api.post("/api/v1/projects")
                                            .token(token)
                                            .json(Map.of("name", "during the outage"))
                                            .send());
                    latencies.add(millisSince(start));
                }
                assertThat(latencies).as("503 once the outage is known").allMatch(ms -> ms < FAST_MS);

                start = System.nanoTime();
                Api.Response health = api.get("/health").send();
                long healthMs = millisSince(start);
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.json()).containsEntry("status", "DOWN");
                start = System.nanoTime();
                Api.Response readiness = api.get("/health/readiness").send();
                long readinessMs = millisSince(start);
                assertThat(readiness.status()).isEqualTo(503);
                assertThat(healthMs).isLessThan(FAST_MS);
                assertThat(readinessMs).isLessThan(FAST_MS);
                Api.Response liveness = api.get("/health/liveness").send();
                assertThat(liveness.status()).isEqualTo(200);
                assertThat(liveness.json()).containsEntry("status", "UP");

                database = EmbeddedClusters.start(pgDir, pgPort, 1); // back, on the same data and port
                long back = System.nanoTime();
                int status = 0;
                while (status != 200) {
                    assertThat(millisSince(back))
                            .as("service resumed by itself")
                            .isLessThan(30_000);
                    status = api.get("/api/v1/users/me").token(token).send().status();
                    if (status != 200) {
                        assertThat(status).isEqualTo(503);
                        Thread.sleep(50);
                    }
                }
                long resumedMs = millisSince(back);
                assertThat(api.get("/health").send().status()).isEqualTo(200);
                api.post("/api/v1/projects")
                        .token(token)
                        .json(Map.of("name", "after the outage"))
                        .send()
                        .expect(201);
                System.out.printf(
                        "outage: first 503 after %d ms (pool timeout 5000 ms), then 503 in %s ms; /health %d ms, "
                                + "/health/readiness %d ms; service back %d ms after the database%n",
                        firstMs, latencies, healthMs, readinessMs, resumedMs);
            }
        } finally {
            database.close();
        }
    }

    private static void unavailable(Api.Response response) {
        Map<String, Object> problem = response.problem(503);
        assertThat(problem.get("type")).isEqualTo("urn:strata:problem:unavailable");
        assertThat(response.header("Retry-After"))
                .hasValueSatisfying(value -> assertThat(Integer.parseInt(value)).isPositive());
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
