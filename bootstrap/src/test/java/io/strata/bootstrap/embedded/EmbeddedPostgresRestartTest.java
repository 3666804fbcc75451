package io.strata.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.EmbeddedClusters;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartOnTheSameDataDirectory() throws Exception {
        int port = EmbeddedClusters.freePort();
        Path pgDir = dataDir.resolve("pg");

        try (EmbeddedPostgres first = EmbeddedClusters.start(pgDir, port, 1)) {
            assertThat(first.settings().jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + port + "/strata");
            try (Connection connection = connect(first);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE survivor (id int PRIMARY KEY, name text NOT NULL)");
                statement.execute("INSERT INTO survivor VALUES (1, 'still here')");
            }
        }
        assertThat(pgDir.resolve("PG_VERSION")).exists();
        assertThat(pgDir.resolve("postmaster.pid")).doesNotExist(); // stopped cleanly

        try (EmbeddedPostgres second = EmbeddedClusters.start(pgDir, port, 1);
                Connection connection = connect(second);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT name FROM survivor WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void durabilityIsOnWhateverPostgresqlConfSays() throws Exception {
        Path pgDir = dataDir.resolve("pg");
        int port = EmbeddedClusters.freePort();
        try (EmbeddedPostgres postgres = EmbeddedClusters.start(pgDir, port, 1)) {
            try (Connection connection = connect(postgres);
                    Statement statement = connection.createStatement()) {
                statement.execute("ALTER SYSTEM SET synchronous_commit = off");
                statement.execute("ALTER SYSTEM SET fsync = off");
            }
        }
        try (EmbeddedPostgres postgres = EmbeddedClusters.start(pgDir, port, 1);
                Connection connection = connect(postgres);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT current_setting('fsync'), current_setting('synchronous_commit'), "
                                + "current_setting('full_page_writes')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("on");
            assertThat(rs.getString(2)).isEqualTo("on");
            assertThat(rs.getString(3)).isEqualTo("on");
        }
    }

    @Test
    void aSecondStrataCannotUseTheSameDataDirectory() {
        Path pgDir = dataDir.resolve("pg");
        try (EmbeddedPostgres first = EmbeddedClusters.start(pgDir, EmbeddedClusters.freePort(), 1)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> EmbeddedClusters.start(pgDir, EmbeddedClusters.freePort(), 1))
                    .hasMessageContaining("is in use by another Strata");
            assertThat(first.isRunning()).isTrue();
        }
    }

    private static Connection connect(EmbeddedPostgres postgres) throws Exception {
        return DriverManager.getConnection(
                postgres.settings().jdbcUrl(),
                postgres.settings().username(),
                postgres.settings().password());
    }
}
