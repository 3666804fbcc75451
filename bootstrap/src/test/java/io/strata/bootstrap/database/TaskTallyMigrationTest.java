package io.strata.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * V63 on a database that has projects: each one's kept tally (all, DONE, CANCELLED) and completion are counted from
 * its tasks, a row whose task_count had drifted included, and no project's updated_at moves.
 */
class TaskTallyMigrationTest {

    @Test
    void theTallyOfExistingProjectsIsCountedFromTheirTasks() throws Exception {
        String url = TestPostgres.createFreshDatabase();
        SchemaMigrations migrations =
                new SchemaMigrations(new DatabaseSettings(url, TestPostgres.USERNAME, TestPostgres.PASSWORD));
        migrations.migrate("62");
        sql(
                url,
                "SELECT set_config('strata.role', 'SYSTEM', false)",
                "INSERT INTO users (id, email, username, password_hash, role, status, email_verified, first_name, last_name,"
                        + " created_at, updated_at, version) VALUES ('00000000-0000-0000-0000-0000000000a1', 'o@x.test',"
                        + " 'owner', 'h', 'USER', 'ACTIVE', false, 'O', 'W', now(), now(), 0)",
                project("00000000-0000-0000-0000-0000000000b1", 5, 40),
                project("00000000-0000-0000-0000-0000000000b2", 0, 0),
                project("00000000-0000-0000-0000-0000000000b3", 9, 0), // drifted: it has 1 task
                task("b1", "DONE", 1),
                task("b1", "DONE", 2),
                task("b1", "CANCELLED", 3),
                task("b1", "TODO", 4),
                task("b1", "IN_PROGRESS", 5),
                task("b3", "TODO", 6));

        migrations.migrate();

        assertThat(
                        rows(
                                url,
                                "SELECT concat_ws(',', right(id::text, 2), task_count, done_task_count, cancelled_task_count,"
                                        + " completion, updated_at = timestamptz '2026-01-01 00:00:00+00') FROM projects ORDER BY id"))
                .containsExactly("b1,5,2,1,50,t", "b2,0,0,0,0,t", "b3,1,0,0,0,t");
    }

    private static String project(String id, int taskCount, int completion) {
        return "INSERT INTO projects (id, name, status, priority, owner_id, task_count, completion, version, created_at,"
                + " updated_at) VALUES ('" + id + "', 'p', 'ACTIVE', 'MEDIUM', '00000000-0000-0000-0000-0000000000a1', "
                + taskCount + ", " + completion + ", 0, timestamptz '2026-01-01 00:00:00+00',"
                + " timestamptz '2026-01-01 00:00:00+00')";
    }

    private static String task(String project, String status, int n) {
        return "INSERT INTO tasks (id, project_id, title, status, priority, version, created_at, updated_at, completed_at)"
                + " VALUES"
                + " ('00000000-0000-0000-0000-0000000000c" + n + "', '00000000-0000-0000-0000-0000000000" + project
                + "', 't', '" + status + "', 'MEDIUM', 0, now(), now(), " + (status.equals("DONE") ? "now()" : "NULL")
                + ")";
    }

    private static void sql(String url, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, TestPostgres.USERNAME, TestPostgres.PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String s : statements) {
                statement.execute(s);
            }
        }
    }

    private static List<String> rows(String url, String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, TestPostgres.USERNAME, TestPostgres.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('strata.role', 'SYSTEM', false)");
            List<String> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(query)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
