package io.strata.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.DataSourceResolver;
import io.strata.adapters.persistence.shared.RowSecurity;
import io.strata.bootstrap.database.ApplicationRole;
import io.strata.bootstrap.database.Pools;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Row-level security as a second guard: every table is covered (or exempted with a reviewed reason), and SQL that
 * bypasses the use cases, on the application role, sees only what the acting user may see.
 */
class RowSecurityTest extends IntegrationTest {

    /** The protected tables and how to find user A's rows in each. */
    private static final Map<String, String> ROWS_OF_A = new LinkedHashMap<>();

    static {
        ROWS_OF_A.put("sessions", "SELECT count(*) FROM sessions WHERE user_id = ?::uuid");
        ROWS_OF_A.put("user_profiles", "SELECT count(*) FROM user_profiles WHERE user_id = ?::uuid");
        ROWS_OF_A.put("projects", "SELECT count(*) FROM projects WHERE owner_id = ?::uuid");
        ROWS_OF_A.put(
                "tasks",
                "SELECT count(*) FROM tasks t JOIN project_members m ON m.project_id = t.project_id WHERE m.user_id = ?::uuid");
        ROWS_OF_A.put(
                "task_dependencies",
                "SELECT count(*) FROM task_dependencies d JOIN tasks t ON t.id = d.task_id "
                        + "JOIN project_members m ON m.project_id = t.project_id WHERE m.user_id = ?::uuid");
        ROWS_OF_A.put("content_uploads", "SELECT count(*) FROM content_uploads WHERE owner_id = ?::uuid");
    }

    @Test
    void everyTableHasForcedRowSecurityWithAPolicyOrAReviewedExemption() throws Exception {
        Map<String, String> exemptions = exemptions();
        List<String> problems = new ArrayList<>();
        try (Connection owner = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                ResultSet rs = owner.createStatement().executeQuery("""
                     SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                            (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
                     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1""")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                String table = rs.getString(1);
                tables.add(table);
                boolean guarded = rs.getBoolean(2) && rs.getBoolean(3) && rs.getLong(4) > 0;
                if (exemptions.containsKey(table) && guarded) {
                    problems.add(table + " has row-level security now: remove it from row-security-exemptions.txt");
                } else if (!exemptions.containsKey(table) && !guarded) {
                    problems.add(table + ": enable and FORCE row-level security with a policy (docs/extending.md, "
                            + "\"Row-level security\"), or add it to row-security-exemptions.txt with the reason "
                            + "(enabled " + rs.getBoolean(2) + ", forced " + rs.getBoolean(3) + ", policies "
                            + rs.getLong(4) + ")");
                }
            }
            exemptions.keySet().stream()
                    .filter(table -> !tables.contains(table) && !table.equals("strata_schema_rollbacks"))
                    .forEach(table -> problems.add(table + " is exempted but does not exist: remove the line"));
        }
        assertThat(problems).isEmpty();
        assertThat(ROWS_OF_A.keySet())
                .allSatisfy(table -> assertThat(exemptions).doesNotContainKey(table));
    }

    @Test
    void rawSqlAsTheApplicationRoleActingAsAnotherUserSeesNoneOfTheirRows() throws Exception {
        Api.TestUser a = api().newUser(adminToken(), "rls-a", null);
        Api.TestUser b = api().newUser(adminToken(), "rls-b", null);
        api().put("/api/v1/users/" + a.id() + "/profile")
                .token(a.token())
                .json(Map.of("bio", "A's own"))
                .send()
                .expect(201);
        api().post("/api/v1/projects")
                .token(a.token())
                .json(Map.of(
                        "name",
                        Api.unique("rls"),
                        "tasks",
                        List.of(
                                Map.of("key", "one", "title", "first"),
                                Map.of("key", "two", "title", "second", "dependsOn", List.of("one")))))
                .send()
                .expect(201);
        api().post("/api/v1/files/uploads")
                .token(a.token())
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "10")
                .send()
                .expect(201);

        try (Connection app = DriverManager.getConnection(jdbcUrl(), ApplicationRole.EMBEDDED, "")) {
            app.setAutoCommit(false);
            assertThat(owner("projects")).isNotEqualTo(ApplicationRole.EMBEDDED);

            // A sees each of its rows: the probes below do find rows when they are visible
            Map<String, Long> asA = countsOfA(app, new RowSecurity.Acting("USER", a.id()), a.id());
            assertThat(asA)
                    .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());

            // B, acting through raw SQL on the application's role, sees none of them
            assertThat(countsOfA(app, new RowSecurity.Acting("USER", b.id()), a.id()))
                    .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            // ... a MANAGER reads A's profile (as the use cases allow), but not A's sessions, projects or tasks
            Map<String, Long> asManager = countsOfA(app, new RowSecurity.Acting("MANAGER", b.id()), a.id());
            assertThat(asManager.get("user_profiles")).isPositive();
            asManager.remove("user_profiles");
            assertThat(asManager)
                    .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            // ... an ADMIN and Strata's own work see everything
            assertThat(countsOfA(app, new RowSecurity.Acting("ADMIN", b.id()), a.id()))
                    .isEqualTo(asA);
            assertThat(countsOfA(app, RowSecurity.Acting.SYSTEM_WORK, a.id())).isEqualTo(asA);

            // nothing set means no rows at all, also in a new transaction on the connection that was just A's
            for (String table : ROWS_OF_A.keySet()) {
                try (ResultSet rs = app.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("%s without settings", table).isZero();
                }
            }
            // B cannot write A's rows either
            RowSecurity.apply(app, new RowSecurity.Acting("USER", b.id()));
            assertThat(app.createStatement()
                            .executeUpdate("UPDATE projects SET name = 'taken' WHERE owner_id = '" + a.id() + "'"))
                    .isZero();
            assertThat(app.createStatement().executeUpdate("DELETE FROM sessions WHERE user_id = '" + a.id() + "'"))
                    .isZero();
            app.rollback();
        }
    }

    @Test
    void thePoolConnectsAsTheApplicationRoleAndNoSettingOutlivesItsTransaction() throws Exception {
        Api.TestUser user = api().newUser(adminToken(), "rls-pool", null);
        for (int i = 0; i < 10; i++) {
            api().get("/api/v1/projects").token(user.token()).send().expect(200);
        }
        HikariDataSource pool = Pools.hikari(context.getBean(DataSourceResolver.class)
                .resolve(context.getBean(DataSource.class, Qualifiers.byName("default"))));
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                Connection connection = pool.getConnection();
                borrowed.add(connection);
                try (ResultSet rs = connection
                        .createStatement()
                        .executeQuery(
                                "SELECT current_user, "
                                        + "coalesce(current_setting('strata.role', true), ''), coalesce(current_setting('strata.user_id', true), '')")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(ApplicationRole.EMBEDDED);
                    assertThat(rs.getString(2) + rs.getString(3))
                            .as("settings left on a pooled connection")
                            .isEmpty();
                }
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
    }

    private Map<String, Long> countsOfA(Connection app, RowSecurity.Acting acting, String userA) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        RowSecurity.apply(app, acting);
        for (Map.Entry<String, String> probe : ROWS_OF_A.entrySet()) {
            try (PreparedStatement statement = app.prepareStatement(probe.getValue())) {
                statement.setString(1, userA);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    counts.put(probe.getKey(), rs.getLong(1));
                }
            }
        }
        app.commit(); // the settings end with the transaction
        return counts;
    }

    private String owner(String table) throws SQLException {
        try (Connection owner = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                ResultSet rs = owner.createStatement()
                        .executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = '" + table + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Map<String, String> exemptions() throws IOException {
        Map<String, String> exemptions = new TreeMap<>();
        try (InputStream in = RowSecurityTest.class.getResourceAsStream("/row-security-exemptions.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                assertThat(colon).as("'<table>: <reason>' in: %s", line).isPositive();
                assertThat(line.substring(colon + 1).strip())
                        .as("the reason for %s", line)
                        .isNotEmpty();
                exemptions.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }
        return exemptions;
    }
}
