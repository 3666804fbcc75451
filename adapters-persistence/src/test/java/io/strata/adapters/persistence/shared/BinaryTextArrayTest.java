package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.adapters.persistence.testing.TestPostgres;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A {@code text[]} parameter in PostgreSQL's binary form, and its text form, as PostgreSQL reads them. */
class BinaryTextArrayTest extends PostgresTest {
    private static final List<String[]> ARRAYS = List.of(
            new String[] {},
            new String[] {"one"},
            new String[] {"urgent", "backend", "q4"},
            new String[] {"with \"quotes\"", "back\\slash", "comma, brace}{", "ünïcödé 🎉", "", "NULL", " spaced "},
            new String[] {"a", null, "c"});

    @Test
    void postgresReadsTheBinaryArrayAsItsElementsInOrder() throws SQLException {
        for (String[] texts : ARRAYS) {
            assertThat(roundTrip(new BinaryTextArray(texts)))
                    .as(String.join("|", nulls(texts)))
                    .containsExactly(texts);
        }
    }

    @Test
    void postgresReadsTheTextFormAsTheSameElements() throws SQLException {
        for (String[] texts : ARRAYS) {
            try (Connection connection =
                            TestPostgres.applicationDataSource(context).getConnection();
                    PreparedStatement statement =
                            connection.prepareStatement("SELECT cast(cast(? AS text) AS text[])")) {
                statement.setString(1, new BinaryTextArray(texts).getValue());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    assertThat((String[]) rows.getArray(1).getArray())
                            .as(new BinaryTextArray(texts).getValue())
                            .containsExactly(texts);
                }
            }
        }
    }

    @Test
    void anArrayIsStoredInATextArrayColumn() throws SQLException {
        sql(
                "CREATE TABLE IF NOT EXISTS binary_text_array (id int PRIMARY KEY, tags text[] NOT NULL)",
                "DELETE FROM binary_text_array");
        try (Connection connection = TestPostgres.applicationDataSource(context).getConnection()) {
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO binary_text_array (id, tags) VALUES (?, ?)")) {
                for (int i = 0; i < ARRAYS.size(); i++) {
                    insert.setInt(1, i);
                    insert.setObject(2, new BinaryTextArray(ARRAYS.get(i)));
                    insert.executeUpdate();
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        for (int i = 0; i < ARRAYS.size(); i++) {
            assertThat(query("SELECT array_to_json(tags)::text FROM binary_text_array WHERE id = " + i))
                    .as("row %d", i)
                    .containsExactly(json(ARRAYS.get(i)));
            assertThat(query("SELECT coalesce(array_lower(tags, 1), 1) FROM binary_text_array WHERE id = " + i))
                    .as("numbered from 1, as an array PostgreSQL makes")
                    .containsExactly("1");
        }
    }

    private String[] roundTrip(BinaryTextArray parameter) throws SQLException {
        try (Connection connection = TestPostgres.applicationDataSource(context).getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT ?::text[], cardinality(?::text[])")) {
            statement.setObject(1, parameter);
            statement.setObject(2, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                Array array = rows.getArray(1);
                String[] texts = (String[]) array.getArray();
                assertThat(rows.getInt(2)).isEqualTo(texts.length);
                return texts;
            }
        }
    }

    private static List<String> nulls(String[] texts) {
        List<String> shown = new ArrayList<>();
        for (String text : texts) {
            shown.add(String.valueOf(text));
        }
        return shown;
    }

    private static String json(String[] texts) {
        List<String> elements = new ArrayList<>();
        for (String text : texts) {
            elements.add(
                    text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return "[" + String.join(",", elements) + "]";
    }
}
