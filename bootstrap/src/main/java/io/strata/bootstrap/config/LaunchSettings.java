package io.strata.bootstrap.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Process-level settings read from the environment before Micronaut starts.
 *
 * @param dataDirectory          {@code STRATA_DATA_DIR}, default {@code ./.strata}; the embedded PostgreSQL lives in {@code <dir>/pg}
 * @param embeddedDbPort         {@code STRATA_EMBEDDED_DB_PORT}, default 54329
 * @param httpPort               {@code PORT}, default 8080 (-1 = random)
 * @param debug                  {@code STRATA_DEBUG=1|true}: print full stack traces on startup failures
 * @param embeddedDbBinaries     {@code STRATA_EMBEDDED_DB_BINARIES}, default {@code <dir>/pg-bin}: where the PostgreSQL
 *                               binaries are unpacked (once per version)
 * @param embeddedDbRestarts     {@code STRATA_EMBEDDED_DB_RESTART_ATTEMPTS}, default 5: failed restarts in a row after a
 *                               crash of the embedded PostgreSQL before Strata gives up and exits with status 1
 * @param shutdownGrace          {@code STRATA_SHUTDOWN_GRACE}, default 20 s: how long a stop waits for requests in flight
 */
public record LaunchSettings(
        Path dataDirectory,
        int embeddedDbPort,
        int httpPort,
        boolean debug,
        Path embeddedDbBinaries,
        int embeddedDbRestarts,
        Duration shutdownGrace) {

    public static final String DATA_DIR_ENV = "STRATA_DATA_DIR";
    public static final String EMBEDDED_DB_PORT_ENV = "STRATA_EMBEDDED_DB_PORT";
    public static final String EMBEDDED_DB_BINARIES_ENV = "STRATA_EMBEDDED_DB_BINARIES";
    public static final String EMBEDDED_DB_RESTARTS_ENV = "STRATA_EMBEDDED_DB_RESTART_ATTEMPTS";
    public static final String SHUTDOWN_GRACE_ENV = "STRATA_SHUTDOWN_GRACE";
    public static final String PORT_ENV = "PORT";
    public static final String DEBUG_ENV = "STRATA_DEBUG";

    public static final int DEFAULT_EMBEDDED_DB_PORT = 54329;
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_EMBEDDED_DB_RESTARTS = 5;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);

    public static LaunchSettings fromEnvironment(Map<String, String> env) {
        String dir = env.get(DATA_DIR_ENV);
        Path dataDirectory = Path.of(dir == null || dir.isBlank() ? ".strata" : dir)
                .toAbsolutePath()
                .normalize();
        String binaries = env.get(EMBEDDED_DB_BINARIES_ENV);
        int restarts = intValue(env, EMBEDDED_DB_RESTARTS_ENV, DEFAULT_EMBEDDED_DB_RESTARTS);
        if (restarts < 1) {
            throw new IllegalArgumentException(EMBEDDED_DB_RESTARTS_ENV + " must be at least 1, got " + restarts);
        }
        return new LaunchSettings(
                dataDirectory,
                intValue(env, EMBEDDED_DB_PORT_ENV, DEFAULT_EMBEDDED_DB_PORT),
                intValue(env, PORT_ENV, DEFAULT_HTTP_PORT),
                isDebug(env),
                binaries == null || binaries.isBlank()
                        ? dataDirectory.resolve("pg-bin")
                        : Path.of(binaries).toAbsolutePath().normalize(),
                restarts,
                duration(env, SHUTDOWN_GRACE_ENV, DEFAULT_SHUTDOWN_GRACE));
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

    /** {@code 30} (seconds), {@code 30s}, {@code 500ms}, {@code 2m} or ISO-8601 ({@code PT30S}); not negative. */
    static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        Duration parsed;
        try {
            if (text.startsWith("pt")) {
                parsed = Duration.parse(text);
            } else if (text.endsWith("ms")) {
                parsed = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                parsed = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("m")) {
                parsed = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            } else {
                parsed = Duration.ofSeconds(Long.parseLong(text));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + " must be a duration such as 20s, 500ms or 1m, got '" + value + "'");
        }
        if (parsed.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got '" + value + "'");
        }
        return parsed;
    }
}
