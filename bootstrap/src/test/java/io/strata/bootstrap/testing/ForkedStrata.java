package io.strata.bootstrap.testing;

import io.strata.adapters.persistence.testing.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** For tests that start Strata in a JVM of its own: its environment, waiting for it to serve, its log. */
public final class ForkedStrata {
    private ForkedStrata() {}

    /** The environment of a Strata on the test database at {@code url}, serving HTTP on {@code port}. */
    public static Map<String, String> environment(String url, int port) {
        return Map.of(
                "STRATA_DB_URL",
                url,
                "STRATA_DB_USER",
                TestPostgres.USERNAME,
                "STRATA_DB_PASSWORD",
                TestPostgres.PASSWORD,
                "PORT",
                Integer.toString(port));
    }

    /** Whether {@code /health} on {@code port} answered 200 within 3 minutes while {@code process} lived. */
    public static boolean awaitHealthy(HttpClient client, int port, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** The log's text so far ("" before it exists). */
    public static String log(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
