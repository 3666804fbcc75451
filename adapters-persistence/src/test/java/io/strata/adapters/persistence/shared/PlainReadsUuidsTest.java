package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.adapters.persistence.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A {@code uuid[]} column read as PostgreSQL sends it: its plain text read here, anything else by pgjdbc. */
class PlainReadsUuidsTest extends PostgresTest {
    private static final UUID A = UUID.fromString("0b9e5f4a-1c2d-4e3f-8a9b-0c1d2e3f4a5b");
    private static final UUID B = UUID.fromString("ffffffff-0000-4000-8000-000000000001");

    @Test
    void thePlainTextOfAUuidArrayIsItsIdsInOrder() {
        assertThat(PlainReads.uuidList("{}")).isEmpty();
        assertThat(PlainReads.uuidList("{" + A + "}")).containsExactly(A);
        assertThat(PlainReads.uuidList("{" + A + "," + B + "," + A + "}")).containsExactly(A, B, A);
    }

    @Test
    void anythingButThatPlainTextIsLeftToPgjdbc() {
        for (String text : List.of(
                "",
                "{",
                "[1:1]={" + A + "}",
                "{" + A + ",NULL}",
                "{\"" + A + "\"}",
                "{" + A + ";" + B + "}",
                "{" + A + "," + B + ",}",
                "{" + A.toString().replace('b', 'x') + "}",
                "{{" + A + "},{" + B + "}}")) {
            assertThat(PlainReads.uuidList(text)).as(text).isNull();
        }
    }

    @Test
    void aColumnReadsAsPostgresSentIt() throws SQLException {
        try (Connection connection = TestPostgres.applicationDataSource(context).getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT ARRAY[?, ?, ?]::uuid[], '{}'::uuid[], NULL::uuid[], '[0:1]={" + A + "," + B
                                + "}'::uuid[]")) {
            // the same statement past pgjdbc's prepare threshold too, should it ever be sent in binary
            for (int round = 0; round < 7; round++) {
                statement.setObject(1, B);
                statement.setObject(2, A);
                statement.setObject(3, B);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    assertThat(PlainReads.uuids(rows, 1)).containsExactly(B, A, B);
                    assertThat(PlainReads.uuids(rows, 2)).isEmpty();
                    assertThat(PlainReads.uuids(rows, 3)).as("null: none").isEmpty();
                    assertThat(PlainReads.uuids(rows, 4))
                            .as("bounds of its own: pgjdbc's")
                            .containsExactly(A, B);
                }
            }
        }
    }
}
