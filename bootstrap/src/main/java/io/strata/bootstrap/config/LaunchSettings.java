package io.strata.bootstrap.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Process-level settings read from the environment before Micronaut starts.
 *
 * @param dataDirectory     {@code STRATA_DATA_DIR}, default {@code ./.strata}; the embedded PostgreSQL lives in {@code <dir>/pg}
 * @param embeddedDbPort    {@code STRATA_EMBEDDED_DB_PORT}, default 54329
 * @param httpPort          {@code PORT}, default 8080 (-1 = random)
 * @param debug             {@code STRATA_DEBUG=1|true}: print full stack traces on startup failures
 */
public record LaunchSettings(Path dataDirectory, int embeddedDbPort, int httpPort, boolean debug) {

    public static final String DATA_DIR_ENV = "STRATA_DATA_DIR";
    public static final String EMBEDDED_DB_PORT_ENV = "STRATA_EMBEDDED_DB_PORT";
    public static final String PORT_ENV = "PORT";
    public static final String DEBUG_ENV = "STRATA_DEBUG";

    public static final int DEFAULT_EMBEDDED_DB_PORT = 54329;
    public static final int DEFAULT_HTTP_PORT = 8080;

    public static LaunchSettings fromEnvironment(Map<String, String> env) {
        String dir = env.get(DATA_DIR_ENV);
        Path dataDirectory = Path.of(dir == null || dir.isBlank() ? ".strata" : dir).toAbsolutePath().normalize();
        return new LaunchSettings(dataDirectory,
                intValue(env, EMBEDDED_DB_PORT_ENV, DEFAULT_EMBEDDED_DB_PORT),
                intValue(env, PORT_ENV, DEFAULT_HTTP_PORT),
                isDebug(env));
    }

    public static boolean isDebug(Map<String, String> env) {
        String value = env.get(DEBUG_ENV);
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }

    /** Directory of the embedded PostgreSQL cluster. */
    public Path embeddedDbDirectory() {
        return dataDirectory.resolve("pg");
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }
}
