package io.strata.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The Prometheus endpoint and the slow-statement log, against the whole application. */
class MetricsTest extends IntegrationTest {

    /** Series a burst of hostile URLs may add at most (a new status or exception per known route, not per URL). */
    private static final int SERIES_BUDGET = 80;

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of(
                "strata.database.slow-statement-ms",
                "5",
                "strata.test.slow-statement-controller",
                "true",
                "strata.metrics.events-refresh",
                "100ms");
    }

    @Test
    void exposesHttpTimingsByRouteTemplatePoolJvmAndTheCircuit() {
        String token = adminToken();
        String projectId = api().post("/api/v1/projects")
                .token(token)
                .json(Map.of("name", Api.unique("metrics")))
                .send()
                .expect(201)
                .json()
                .get("id")
                .toString();
        api().get("/api/v1/projects/" + projectId).token(token).send().expect(200);

        String scrape = scrape();

        assertThat(scrape).contains("uri=\"/api/v1/projects/{id}\"").doesNotContain(projectId);
        assertThat(scrape).contains("http_server_requests_seconds_count{");
        assertThat(scrape)
                .contains(
                        "hikaricp_connections_active{",
                        "hikaricp_connections_idle{",
                        "hikaricp_connections_pending{",
                        "hikaricp_connections_acquire_seconds_count{",
                        "hikaricp_connections_timeout_total{");
        assertThat(scrape)
                .contains(
                        "jvm_memory_used_bytes{",
                        "jvm_threads_live_threads{",
                        "jvm_gc_max_data_size_bytes",
                        "process_uptime_seconds");
        assertThat(scrape)
                .contains(
                        "strata_database_circuit_open{",
                        "strata_database_outages_total{",
                        "strata_database_refused_requests_total{",
                        "strata_database_reruns_total{after_statements=\"false\"",
                        "strata_database_reruns_total{after_statements=\"true\"",
                        "strata_database_session_only_methods{",
                        "strata_database_lock_conflict_reruns_total{");
        assertThat(line(scrape, "strata_database_circuit_open{")).endsWith(" 0.0");
    }

    /** Requests are timed once, by route: executor tasks (each request again) are not timed at all. */
    @Test
    void timesRequestsOnceNotTheirExecutorTasks() {
        String token = adminToken();
        double before = requests(scrape(), "/api/v1/users/me");
        for (int i = 0; i < 5; i++) {
            api().get("/api/v1/users/me").token(token).send().expect(200); // a controller on the blocking executor
        }
        String scrape = scrape();
        assertThat(requests(scrape, "/api/v1/users/me")).isEqualTo(before + 5);
        assertThat(scrape).doesNotContain("executor_seconds");
    }

    private static double requests(String scrape, String uri) {
        String prefix = "http_server_requests_seconds_count{";
        return scrape.lines()
                .filter(l -> l.startsWith(prefix) && l.contains("uri=\"" + uri + "\"") && l.contains("status=\"200\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void publishesThePlatformCachesAndTheEventBacklog() throws InterruptedException {
        String token = adminToken();
        api().get("/api/v1/users/me").token(token).send().expect(200);
        api().get("/api/v1/users/me").token(token).send().expect(200); // the token's principal, from the cache
        String scrape = scrape();
        String principal = "cache=\"identity.principal\"";
        assertThat(value(scrape, "strata_cache_gets_total{", principal, "result=\"hit\""))
                .isPositive();
        value(scrape, "strata_cache_gets_total{", principal, "result=\"miss\"");
        value(scrape, "strata_cache_size{", principal);
        value(scrape, "strata_cache_invalidations_total{", principal);
        value(scrape, "strata_cache_refused_fills_total{", principal);

        // a sink nobody listens on: the next project's event waits for it, and the age of the wait shows
        api().post("/api/v1/admin/event-sinks")
                .token(token)
                .json(Map.of(
                        "name",
                        Api.unique("metrics-sink"),
                        "kind",
                        "WEBHOOK",
                        "url",
                        "http://127.0.0.1:9/hook",
                        "eventTypes",
                        List.of("workspace.ProjectCreated"),
                        "timeoutMs",
                        500))
                .send()
                .expect(201);
        api().post("/api/v1/projects")
                .token(token)
                .json(Map.of("name", Api.unique("waiting")))
                .send()
                .expect(201);
        long deadline = System.nanoTime() + 30_000_000_000L;
        double pending;
        double age;
        do {
            Thread.sleep(100);
            String now = scrape();
            pending = value(now, "strata_events_pending{");
            age = value(now, "strata_events_oldest_undelivered_age_seconds{");
        } while (!(pending >= 1 && age > 0)
                && System.nanoTime() < deadline); // NaN until the first read: wait for it too
        assertThat(pending).as("deliveries waiting").isGreaterThanOrEqualTo(1);
        assertThat(age).as("age of the oldest undelivered event").isPositive();
    }

    @Test
    void aBurstOfOddUrlsKeepsTheSeriesCountWithinABudget() {
        String token = adminToken();
        burst(token, 20); // every kind of answer once: the series they create are the baseline
        int before = series(scrape()).size();

        List<String> ids = burst(token, 300);

        String scrape = scrape();
        List<String> after = series(scrape);
        assertThat(after.size() - before)
                .as("series added by 300 more odd URLs")
                .isLessThanOrEqualTo(SERIES_BUDGET);
        assertThat(after.size()).as("series in all").isLessThan(1500);
        for (String id : ids) {
            assertThat(scrape).doesNotContain(id);
        }
        assertThat(scrape).doesNotContain("no-such-thing", "%00", "..");
    }

    @Test
    void logsASlowStatementWithItsDurationAndRoute() {
        Logger slowLog = (Logger) LoggerFactory.getLogger("org.hibernate.SQL_SLOW");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        slowLog.addAppender(captured);
        try {
            assertThat(api().get("/test/slow-statement/40").send().expect(200).body())
                    .isEqualTo("slept: 1");
        } finally {
            slowLog.detachAppender(captured);
        }

        assertThat(captured.list).anySatisfy(event -> {
            assertThat(event.getFormattedMessage())
                    .contains("pg_sleep(0.04)")
                    .containsPattern("took \\d+ milliseconds");
            assertThat(event.getMDCPropertyMap()).containsEntry("route", "GET /test/slow-statement/{millis}");
        });
    }

    /** Odd requests of every kind; returns the random ids they carried. */
    private List<String> burst(String token, int count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            switch (i % 10) {
                case 0 -> api().get("/no-such-thing/" + id).send();
                case 1 ->
                    api().get("/api/v1/projects/" + id).token(token).send().expect(404);
                case 2 -> api().get("/api/v1/users/" + id).token(token).send().expect(404);
                case 3 ->
                    api().get("/api/v1/tasks/" + id + "/" + random.nextLong())
                            .token(token)
                            .send();
                case 4 ->
                    api().get("/api/v1/projects/not-a-uuid-" + id).token(token).send();
                case 5 ->
                    api().method("DELETE", "/api/v1/projects/" + id)
                            .token(token)
                            .send();
                case 6 -> api().get("/api/v1/users/" + id + "/profile").send().expect(401);
                case 7 ->
                    api().get("/static/" + id + ".js?x=" + random.nextInt()).send();
                case 8 ->
                    api().get("/api/v1/users?limit=" + random.nextInt() + "&sort=" + id)
                            .token(token)
                            .send();
                default -> api().get("/api/v1/" + id + "/%00/..%2f" + i).send();
            }
        }
        return ids;
    }

    private String scrape() {
        Api.Response response = api().get("/prometheus").send().expect(200);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        return response.body();
    }

    private static List<String> series(String scrape) {
        return scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    /** The value of the first series that starts with {@code prefix} and has every tag of {@code tags}. */
    private static double value(String scrape, String prefix, String... tags) {
        String line = scrape.lines()
                .filter(l -> l.startsWith(prefix) && Arrays.stream(tags).allMatch(l::contains))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no series " + prefix + String.join(",", tags)));
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static String line(String scrape, String prefix) {
        return scrape.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }
}
