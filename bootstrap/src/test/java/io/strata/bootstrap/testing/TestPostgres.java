package io.strata.bootstrap.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL 17 per test JVM (temporary data directory, random port), started on first use and stopped
 * when the JVM exits. Every test class gets its own database from {@link #createFreshDatabase()}.
 * The server trades durability for speed ({@code fsync=off}, {@code synchronous_commit=off}).
 */
public final class TestPostgres {

    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile EmbeddedPostgres postgres;

    private TestPostgres() {
    }

    /** The shared server (started lazily). */
    public static EmbeddedPostgres server() {
        EmbeddedPostgres current = postgres;
        if (current == null) {
            synchronized (TestPostgres.class) {
                current = postgres;
                if (current == null) {
                    try {
                        current = EmbeddedPostgres.builder()
                                .setServerConfig("fsync", "off")
                                .setServerConfig("synchronous_commit", "off")
                                .setServerConfig("full_page_writes", "off")
                                .setServerConfig("max_connections", "300")
                                .start();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
                    }
                    EmbeddedPostgres started = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            started.close();
                        } catch (IOException ignored) {
                            // JVM is exiting
                        }
                    }, "test-postgres-stop"));
                    postgres = current;
                }
            }
        }
        return current;
    }

    /** Creates a new, empty database {@code t_<n>} and returns its JDBC URL (user {@value #USERNAME}, empty password). */
    public static String createFreshDatabase() {
        String name = "t_" + DATABASES.incrementAndGet();
        EmbeddedPostgres server = server();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    public static int port() {
        return server().getPort();
    }
}
