package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.shared.RowSecurity.Acting;
import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.adapters.persistence.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction's first statement with its row-level security settings in front: the statement's code binds and
 * executes it as it would alone, and the statement already sees who acts (against PostgreSQL).
 */
class ActingFirstStatementTest extends PostgresTest {
    private final Acting acting = new Acting("USER", UUID.randomUUID().toString());

    @BeforeEach
    void table() {
        sql(
                "CREATE TABLE IF NOT EXISTS acting_first (id int PRIMARY KEY, name text NOT NULL)",
                "DELETE FROM acting_first");
    }

    @Test
    void aQuerySeesWhoActsAndItsOwnParametersInTheirPlaces() throws SQLException {
        try (Connection connection = begun();
                PreparedStatement statement = ActingFirstStatement.prepare(
                        connection,
                        "SELECT current_setting('strata.role'), current_setting('strata.user_id'), ?::int, ?::text",
                        acting)) {
            statement.setInt(1, 7);
            statement.setString(2, "seven");
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("USER");
                assertThat(rows.getString(2)).isEqualTo(acting.userId());
                assertThat(rows.getInt(3)).isEqualTo(7);
                assertThat(rows.getString(4)).isEqualTo("seven");
                assertThat(rows.next()).isFalse();
            }
            try (PreparedStatement next = connection.prepareStatement("SELECT current_setting('strata.user_id')");
                    ResultSet rows = next.executeQuery()) {
                rows.next();
                assertThat(rows.getString(1))
                        .as("the transaction's next statements")
                        .isEqualTo(acting.userId());
            }
            connection.rollback();
        }
    }

    @Test
    void anUpdateAnswersItsOwnCountAndExecuteItsOwnResult() throws SQLException {
        try (Connection connection = begun()) {
            try (PreparedStatement insert = ActingFirstStatement.prepare(
                    connection, "INSERT INTO acting_first (id, name) VALUES (?, ?), (?, ?)", acting)) {
                insert.setInt(1, 1);
                insert.setString(2, "one");
                insert.setInt(3, 2);
                insert.setNull(4, java.sql.Types.VARCHAR);
                assertThatThrownBy(insert::executeUpdate)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                                .as("not null")
                                .isEqualTo("23502"));
            }
            connection.rollback();
            connection.setAutoCommit(true);
            connection.setAutoCommit(false);
            try (PreparedStatement insert = ActingFirstStatement.prepare(
                    connection, "INSERT INTO acting_first (id, name) VALUES (?, ?), (?, ?)", acting)) {
                insert.setInt(1, 1);
                insert.setString(2, "one");
                insert.setInt(3, 2);
                insert.setString(4, "two");
                assertThat(insert.executeUpdate()).isEqualTo(2);
            }
            try (PreparedStatement update = ActingFirstStatement.prepare(
                    connection,
                    "UPDATE acting_first SET name = name || current_setting('strata.role') WHERE id = ?",
                    acting)) {
                update.setInt(1, 2);
                assertThat(update.execute()).as("no rows, an update count").isFalse();
                assertThat(update.getUpdateCount()).isEqualTo(1);
            }
            connection.commit();
        }
        assertThat(query("SELECT name FROM acting_first ORDER BY id")).containsExactly("one", "twoUSER");
    }

    @Test
    void aStatementWithTheWrongKindOfResultFailsAsTheDriverWouldAlone() throws SQLException {
        try (Connection connection = begun()) {
            try (PreparedStatement select = ActingFirstStatement.prepare(connection, "SELECT 1", acting)) {
                assertThatThrownBy(select::executeUpdate)
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState())
                                        .as("pgjdbc's TOO_MANY_RESULTS")
                                        .isEqualTo("0100E"));
            }
            connection.rollback();
            try (PreparedStatement delete =
                    ActingFirstStatement.prepare(connection, "DELETE FROM acting_first", acting)) {
                assertThatThrownBy(delete::executeQuery)
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState())
                                        .as("pgjdbc's NO_DATA")
                                        .isEqualTo("02000"));
            }
            connection.rollback();
            try (PreparedStatement select = ActingFirstStatement.prepare(connection, "SELECT ?::int", acting)) {
                assertThatThrownBy(select::clearParameters)
                        .as("the settings stay bound")
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(select::addBatch).isInstanceOf(SQLException.class);
            }
            connection.rollback();
        }
    }

    /** A connection of the application's data source, in a transaction that has set nothing yet. */
    private Connection begun() throws SQLException {
        Connection connection = TestPostgres.applicationDataSource(context).getConnection();
        ((RowSecurityConnection) connection).beginOwingSettings();
        return connection;
    }
}
