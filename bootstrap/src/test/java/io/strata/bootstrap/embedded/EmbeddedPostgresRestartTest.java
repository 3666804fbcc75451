package io.strata.bootstrap.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartOnTheSameDataDirectory() throws Exception {
        int port = freePort();
        Path pgDir = dataDir.resolve("pg");

        try (EmbeddedPostgres first = EmbeddedPostgres.start(pgDir, port)) {
            assertThat(first.settings().jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + port + "/strata");
            try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE survivor (id int PRIMARY KEY, name text NOT NULL)");
                statement.execute("INSERT INTO survivor VALUES (1, 'still here')");
            }
        }
        assertThat(pgDir.resolve("PG_VERSION")).exists();
        assertThat(pgDir.resolve("postmaster.pid")).doesNotExist(); // stopped cleanly

        try (EmbeddedPostgres second = EmbeddedPostgres.start(pgDir, port);
             Connection connection = connect(second);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name FROM survivor WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    private static Connection connect(EmbeddedPostgres postgres) throws Exception {
        return DriverManager.getConnection(postgres.settings().jdbcUrl(), postgres.settings().username(), postgres.settings().password());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
