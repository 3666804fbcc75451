package io.strata.bench.baseline;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The raw JDBC + HikariCP baseline Strata is measured against: a Micronaut HTTP server on Strata's stack
 * (Netty, micronaut-serde-jackson, filter and controllers on the blocking executor) whose handlers issue,
 * with hand-written JDBC, exactly the statements Strata issues for the same requests, in the same
 * transactions, and answer the same JSON. What is left is the cost of Strata's layers (Hibernate, Micronaut
 * Data, mappers, domain model), which is what the benchmark shows.
 *
 * <pre>
 * strata-bench.jar baseline --db-url=jdbc:postgresql://localhost:5432/strata [--db-user=postgres]
 *     [--db-password=...] [--port=8092] [--pool-size=5]
 * </pre>
 * Each option may also come from the environment (BASELINE_DB_URL, BASELINE_DB_USER, BASELINE_DB_PASSWORD,
 * BASELINE_PORT, BASELINE_POOL_SIZE); arguments win. The schema must exist (Strata's migrations).
 */
public final class BaselineServer {
    private static final Map<String, String> OPTIONS = Map.of(
            "port", "BASELINE_PORT",
            "db-url", "BASELINE_DB_URL",
            "db-user", "BASELINE_DB_USER",
            "db-password", "BASELINE_DB_PASSWORD",
            "pool-size", "BASELINE_POOL_SIZE");
    private static final String USAGE = "usage: strata-bench.jar baseline --db-url=jdbc:postgresql://... "
            + "[--db-user=] [--db-password=] [--port=8092] [--pool-size=5]";

    private BaselineServer() {
    }

    record Settings(int port, String dbUrl, String dbUser, String dbPassword, int poolSize) {
        static Settings parse(String[] args, Map<String, String> env) {
            Map<String, String> values = new LinkedHashMap<>();
            OPTIONS.forEach((option, variable) -> {
                if (env.get(variable) != null) {
                    values.put(option, env.get(variable));
                }
            });
            for (String arg : args) {
                int equals = arg.indexOf('=');
                String option = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
                if (option == null || !OPTIONS.containsKey(option)) {
                    throw new IllegalArgumentException("unknown argument '" + arg + "'; " + USAGE);
                }
                values.put(option, arg.substring(equals + 1));
            }
            String dbUrl = values.get("db-url");
            if (dbUrl == null || dbUrl.isBlank()) {
                throw new IllegalArgumentException("--db-url is required; " + USAGE);
            }
            return new Settings(number(values, "port", 8092), dbUrl, values.get("db-user"), values.get("db-password"),
                    number(values, "pool-size", 5));
        }

        private static int number(Map<String, String> values, String option, int defaultValue) {
            String text = values.get(option);
            try {
                int value = text == null ? defaultValue : Integer.parseInt(text.strip());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--" + option + " must be a positive integer, was '" + text + "'");
        }
    }

    public static void main(String[] args) {
        long startedAt = System.nanoTime();
        Settings settings;
        try {
            settings = Settings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("baseline: " + e.getMessage());
            System.exit(2);
            return;
        }
        HikariDataSource pool = null;
        ApplicationContext context = null;
        try {
            pool = pool(settings);
            context = ApplicationContext.builder()
                    .properties(Map.of(
                            "micronaut.application.name", "strata-baseline",
                            "micronaut.server.port", settings.port(),
                            // Strata's server limits
                            "micronaut.server.max-request-size", "1MB",
                            "micronaut.server.netty.max-initial-line-length", 16384))
                    .singletons(new Jdbc(pool))
                    .banner(false)
                    .deduceEnvironment(false)
                    .environmentPropertySource(false) // only the settings above: no MICRONAUT_* from the environment
                    .start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            if (!server.isRunning()) {
                server.start();
            }
            ApplicationContext running = context;
            HikariDataSource openPool = pool;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.close();
                openPool.close();
            }, "baseline-shutdown"));
            System.out.println("baseline started in " + Duration.ofNanos(System.nanoTime() - startedAt).toMillis()
                    + " ms on http://localhost:" + server.getPort());
        } catch (RuntimeException e) {
            System.err.println("baseline: start-up failed: " + e.getMessage());
            if (context != null) {
                context.close();
            }
            if (pool != null) {
                pool.close();
            }
            System.exit(1);
        }
    }

    /** Strata's pool settings (bootstrap application.yml and Micronaut's Hikari defaults), named for the baseline. */
    private static HikariDataSource pool(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("baseline-db");
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(settings.dbUrl());
        config.setUsername(settings.dbUser());
        config.setPassword(settings.dbPassword());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(2);
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(3_000);
        config.setIdleTimeout(600_000);
        config.setMaxLifetime(1_800_000);
        // Micronaut's Hikari sets PostgreSQL's validation query, so a connection idle for over 500 ms is
        // checked with SELECT 1 when borrowed, as in Strata's pool
        config.setConnectionTestQuery("SELECT 1");
        // pgjdbc reads only String values from the driver properties
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "strata-baseline");
        return new HikariDataSource(config);
    }
}
