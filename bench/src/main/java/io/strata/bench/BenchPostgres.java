package io.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The one PostgreSQL 17 server every part of the run shares: Strata (as an external database), the JDBC baseline,
 * pgbench and the bulk loaders. It uses the same zonky binaries Strata embeds, with pg_stat_statements loaded
 * (statement counts per request), and fsync and synchronous_commit on, as Strata's embedded server runs (writes cost
 * what they cost in production; zonky's defaults turn both off).
 */
final class BenchPostgres implements AutoCloseable {

    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private BenchPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static BenchPostgres start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("fsync", "on")   // zonky's default is -F (fsync off); measure real durability
                    .setServerConfig("synchronous_commit", "on")   // zonky's default is off: a commit would not wait for its WAL
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "top")
                    .setServerConfig("pg_stat_statements.max", "10000")
                    .start();
            return new BenchPostgres(postgres);
        } catch (IOException | RuntimeException e) {
            throw new BenchFailure("cannot start PostgreSQL on port " + port + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database) + "?reWriteBatchedInserts=true", USER, "");
    }

    /** A new database with pg_stat_statements installed (the statement counts per request read it). */
    void createDatabase(String name) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new BenchFailure("cannot create database " + name + ": " + e.getMessage(), e);
        }
        try (Connection connection = connect(name); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION pg_stat_statements");
        } catch (SQLException e) {
            throw new BenchFailure("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    String version() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("bench: could not stop PostgreSQL cleanly: " + e.getMessage());
        }
    }
}
