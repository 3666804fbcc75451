package io.strata.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * End to end: an authenticated HTTP request's transaction acts as its user. A trigger planted by the test (as the
 * superuser) records the row-security settings of the transaction that inserts a project; the project is created
 * through HTTP. Were the request's user not carried to the transaction, it would act as SYSTEM (which sees every
 * row), and every other row-security test would still pass.
 */
class RequestActingTest extends IntegrationTest {

    @Test
    void aRequestsTransactionActsAsItsUser() throws SQLException {
        try (Connection owner = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                Statement s = owner.createStatement()) {
            s.execute("CREATE TABLE test_acting_seen (role text, user_id text)");
            s.execute("""
                    CREATE FUNCTION test_acting_record() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                    BEGIN
                        INSERT INTO test_acting_seen VALUES (current_setting('strata.role', true),
                                                             current_setting('strata.user_id', true));
                        RETURN NEW;
                    END $$""");
            s.execute(
                    "CREATE TRIGGER test_acting AFTER INSERT ON projects FOR EACH ROW EXECUTE FUNCTION test_acting_record()");
        }
        try {
            Api.TestUser manager = api().newUser(adminToken(), "acting", "MANAGER");
            api().post("/api/v1/projects")
                    .token(manager.token())
                    .json(Map.of("name", Api.unique("acting")))
                    .send()
                    .expect(201);
            assertThat(seen()).containsExactly("MANAGER " + manager.id());
        } finally {
            try (Connection owner = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                    Statement s = owner.createStatement()) {
                s.execute("DROP TRIGGER test_acting ON projects");
                s.execute("DROP FUNCTION test_acting_record()");
                s.execute("DROP TABLE test_acting_seen");
            }
        }
    }

    private List<String> seen() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection owner = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                Statement s = owner.createStatement();
                ResultSet rs = s.executeQuery("SELECT role, user_id FROM test_acting_seen")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
