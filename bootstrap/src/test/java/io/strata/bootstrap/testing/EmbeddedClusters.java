package io.strata.bootstrap.testing;

import io.strata.bootstrap.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Durable embedded clusters of Strata's own {@link EmbeddedPostgres} for the tests that crash, stop or restart
 * one (the shared {@code TestPostgres} trades durability for speed and must never be killed). The binaries are
 * unpacked once for the whole build, under {@code target/pg-bin}.
 */
public final class EmbeddedClusters {

    public static final Path BINARIES = Path.of("target", "pg-bin").toAbsolutePath();

    private EmbeddedClusters() {}

    public static EmbeddedPostgres start(Path dataDirectory, int port, int restartAttempts) {
        return EmbeddedPostgres.start(
                dataDirectory, port, EmbeddedPostgres.DEFAULT_DATABASE, BINARIES, restartAttempts);
    }

    /** The environment of a Strata with an embedded cluster under {@code dataDirectory} on {@code pgPort}, HTTP on a random port. */
    public static Map<String, String> strataEnvironment(Path dataDirectory, int pgPort) {
        Map<String, String> env = new HashMap<>();
        env.put("STRATA_DATA_DIR", dataDirectory.toString());
        env.put("STRATA_EMBEDDED_DB_PORT", Integer.toString(pgPort));
        env.put("STRATA_EMBEDDED_DB_BINARIES", BINARIES.toString());
        env.put("PORT", "-1");
        return env;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
