package io.strata.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.embedded.EmbeddedPostgres;
import io.strata.bootstrap.testing.EmbeddedClusters;
import io.strata.bootstrap.testing.WriteLoad;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real Strata process (a JVM started from the test classpath, with its embedded PostgreSQL) under
 * load: the requests in flight finish (slow ones that read the database at their very end included), new ones are
 * answered 503 or refused, then the pools close, then PostgreSQL stops, and the process exits with status 0. A
 * SIGTERM while Strata is still starting stops its embedded PostgreSQL too.
 */
class GracefulShutdownTest {

    private static final String ADMIN_EMAIL = "admin@stop.test";
    private static final String ADMIN_PASSWORD = "admin password for the stop test";
    private static final int SLOW_REQUESTS = 4;
    private static final long SLOW_MILLIS = 3000;

    @TempDir
    Path dataDir;

    @Test
    void sigtermLetsRequestsInFlightFinishThenStopsInOrderAndExitsZero() throws Exception {
        int httpPort = EmbeddedClusters.freePort();
        int pgPort = EmbeddedClusters.freePort();
        List<String> output = new CopyOnWriteArrayList<>();
        Process strata = start(httpPort, pgPort, output);
        try {
            awaitLine(output, "Strata started in", Duration.ofMinutes(3), strata);
            URI base = URI.create("http://localhost:" + httpPort);
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = login(client, base);

            WriteLoad load = new WriteLoad(base, token).start(3);
            assertThat(load.awaitAcknowledged(30, Duration.ofSeconds(60)))
                    .as("writes before the stop")
                    .isTrue();
            List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_REQUESTS; i++) { // each on a connection of its own
                slow.add(HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()
                        .sendAsync(
                                HttpRequest.newBuilder(base.resolve("/test/slow/" + SLOW_MILLIS))
                                        .timeout(Duration.ofSeconds(60))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()));
            }
            awaitCount(output, SlowTestController.STARTED, SLOW_REQUESTS, Duration.ofSeconds(30), strata);

            long sigtermAt = System.nanoTime();
            strata.destroy(); // SIGTERM

            List<Integer> afterSignal = new ArrayList<>();
            while (strata.isAlive() && afterSignal.size() < 200) { // new requests: 503 or refused, never a 500
                afterSignal.add(status(base.resolve("/health/liveness")));
                Thread.sleep(25);
            }
            for (CompletableFuture<HttpResponse<String>> request : slow) {
                HttpResponse<String> response = request.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(response.body()).startsWith("done after");
            }
            assertThat(strata.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
            load.close();

            assertThat(strata.exitValue()).as("exit status").isZero();
            // the JVM handles the signal on a thread of its own: a request sent right after it may still be
            // served (200) before the stop begins; once the stop has begun, nothing is served again
            int raced = 0;
            while (raced < afterSignal.size() && afterSignal.get(raced) == 200) {
                raced++;
            }
            assertThat(raced)
                    .as("requests served before the stop began (sent 25 ms apart)")
                    .isLessThanOrEqualTo(4);
            assertThat(afterSignal.subList(raced, afterSignal.size()))
                    .as("answers to new requests during the stop (-1: refused)")
                    .allMatch(s -> s == 503 || s == -1);
            assertThat(load.unexpected).as("answers other than 201 and 503").isEmpty();
            assertThat(load.transportFailures)
                    .as("requests sent before SIGTERM that got no answer")
                    .allMatch(failure -> failure.sentAt() > sigtermAt);

            int drained = line(output, "All (\\d+) requests in flight finished in (\\d+) ms");
            int finished = index(output, "requests in flight finished");
            int postgresDown = index(output, "database system is shut down");
            int stopped = index(output, "Strata stopped in");
            assertThat(finished).as("drained before PostgreSQL stopped").isLessThan(postgresDown);
            assertThat(postgresDown).isLessThan(stopped);
            assertThat(output).noneMatch(l -> l.contains(" ERROR "));
            assertThat(dataDir.resolve("pg").resolve("postmaster.pid"))
                    .as("PostgreSQL stopped cleanly")
                    .doesNotExist();
            System.out.printf(
                    "graceful stop: %d requests in flight at SIGTERM finished (%d slow ones), %d writes acknowledged "
                            + "before, %d answers 503/refused during the stop, exit status %d%n",
                    drained, SLOW_REQUESTS, load.acknowledged(), afterSignal.size(), strata.exitValue());

            try (EmbeddedPostgres postgres = EmbeddedClusters.start(dataDir.resolve("pg"), pgPort, 1);
                    Connection connection =
                            DriverManager.getConnection(postgres.settings().jdbcUrl(), EmbeddedPostgres.SUPERUSER, "");
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM tasks")) {
                rs.next();
                assertThat(rs.getLong(1)).as("acknowledged tasks are stored").isGreaterThanOrEqualTo(load.tasks.size());
            }
        } finally {
            if (strata.isAlive()) {
                strata.destroyForcibly();
            }
        }
    }

    @Test
    void sigtermWhileStartingStopsTheEmbeddedPostgres() throws Exception {
        int httpPort = EmbeddedClusters.freePort();
        int pgPort = EmbeddedClusters.freePort();
        List<String> output = new CopyOnWriteArrayList<>();
        Process strata = start(httpPort, pgPort, output);
        try {
            awaitLine(output, "Embedded PostgreSQL initialised and started", Duration.ofMinutes(3), strata);
            strata.destroy(); // SIGTERM while the application context starts
            assertThat(strata.waitFor(60, TimeUnit.SECONDS)).as("Strata exited").isTrue();
            assertThat(output)
                    .as("stopped before it served, and not reported as a failed start")
                    .noneMatch(line -> line.contains("Strata started in"))
                    .noneMatch(line -> line.contains("startup failed"));
            assertThat(dataDir.resolve("pg/postmaster.pid"))
                    .as("PostgreSQL stopped, not left running")
                    .doesNotExist();
            assertThat(accepts(pgPort)).as("nothing listens on its port").isFalse();
        } finally {
            if (strata.isAlive()) {
                strata.destroyForcibly();
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Starts Strata; its output goes to {@code target/graceful-shutdown-strata.log}, read into {@code output} as it grows. */
    private Process start(int httpPort, int pgPort, List<String> output) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log =
                Path.of("target", "graceful-shutdown-strata.log").toAbsolutePath(); // kept for a look after a failure
        ProcessBuilder builder = new ProcessBuilder(
                        java.toString(),
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.strata.bootstrap.Application",
                        "serve",
                        "--strata.admin.email=" + ADMIN_EMAIL,
                        "--strata.admin.password=" + ADMIN_PASSWORD,
                        "--strata.test.slow-controller=true")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(EmbeddedClusters.strataEnvironment(dataDir, pgPort));
        env.put("PORT", Integer.toString(httpPort));
        env.put("STRATA_SHUTDOWN_GRACE", "20s");
        Process process = builder.start();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                        while (true) {
                            String line = lines.readLine();
                            if (line == null) {
                                if (!process.isAlive()) {
                                    return;
                                }
                                Thread.sleep(10);
                                continue;
                            }
                            output.add(line);
                            System.out.println("[strata] " + line);
                        }
                    } catch (IOException | InterruptedException ignored) {
                        // done
                    }
                },
                "strata-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static String login(HttpClient client, URI base) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/sessions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    /** The status of a GET on a new connection, or -1 when the connection is refused or dropped. */
    private static int status(URI uri) {
        try {
            return HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void awaitLine(List<String> output, String text, Duration timeout, Process process)
            throws InterruptedException {
        awaitCount(output, text, 1, timeout, process);
    }

    private static void awaitCount(List<String> output, String text, int count, Duration timeout, Process process)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (output.stream().filter(l -> l.contains(text)).count() < count) {
            assertThat(process.isAlive())
                    .as("Strata is running (waiting for '%s')", text)
                    .isTrue();
            assertThat(System.nanoTime()).as("waited too long for '%s'", text).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static int index(List<String> output, String text) {
        for (int i = 0; i < output.size(); i++) {
            if (output.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with '" + text + "'");
    }

    private static int line(List<String> output, String regex) {
        Pattern pattern = Pattern.compile(regex);
        for (String line : output) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("no line matching " + regex);
    }
}
