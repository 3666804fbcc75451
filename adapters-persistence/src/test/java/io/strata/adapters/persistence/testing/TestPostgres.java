package io.strata.adapters.persistence.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL 17 per test JVM (temporary data directory, random port, durability traded
 * for speed), started on first use and stopped when the JVM exits. Every test class gets its own
 * empty database from {@link #createFreshDatabase()}. Shared with the bootstrap module's tests
 * through this module's test-jar.
 */
public final class TestPostgres {
    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    /** The shared server (started lazily). */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    started.close();
                                } catch (IOException ignored) {
                                    // the JVM is exiting; the temporary data directory goes with it
                                }
                            },
                            "test-postgres-shutdown"));
        }
        return server;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String createFreshDatabase() {
        String name = "t_" + DATABASES.incrementAndGet() + "_"
                + ProcessHandle.current().pid();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return jdbcUrl(name);
    }

    public static String jdbcUrl(String database) {
        return server().getJdbcUrl(USERNAME, database);
    }

    public static int port() {
        return server().getPort();
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USERNAME, PASSWORD);
    }

    /** The configuration the bootstrap module uses (see docs/architecture.md, persistence), for {@code url}. */
    public static Map<String, Object> properties(String url) {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", url);
        p.put("datasources.default.username", "postgres");
        p.put("datasources.default.password", "");
        p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        p.put("datasources.default.db-type", "postgres");
        p.put("datasources.default.dialect", "POSTGRES");
        p.put("datasources.default.maximum-pool-size", 5);
        p.put("datasources.default.minimum-idle", 1);
        p.put("datasources.default.data-source-properties.reWriteBatchedInserts", true);
        p.put("jpa.default.entity-scan.packages", "io.strata.adapters.persistence");
        p.put("jpa.default.properties.jakarta.persistence.validation.mode", "none");
        p.put("jpa.default.properties.hibernate.hbm2ddl.auto", "validate");
        p.put("jpa.default.properties.hibernate.jdbc.batch_size", 50);
        p.put("jpa.default.properties.hibernate.jdbc.time_zone", "UTC");
        p.put("jpa.default.properties.hibernate.order_inserts", true);
        p.put("jpa.default.properties.hibernate.order_updates", true);
        p.put("jpa.default.properties.hibernate.query.in_clause_parameter_padding", true);
        p.put("jpa.default.properties.hibernate.generate_statistics", true);
        p.put("flyway.datasources.default.enabled", true);
        p.put("flyway.datasources.default.locations", "classpath:db/migration");
        return p;
    }

    /** The application's data source of {@code context}: row-level security's, over the pool. */
    public static DataSource applicationDataSource(ApplicationContext context) {
        DataSource bean = context.getBean(DataSource.class);
        return context.findBean(DataSourceResolver.class)
                .map(resolver -> resolver.resolve(bean))
                .orElse(bean);
    }

    public static ApplicationContext start(String url) {
        return ApplicationContext.builder()
                .properties(properties(url))
                .environments("test")
                .start();
    }
}
