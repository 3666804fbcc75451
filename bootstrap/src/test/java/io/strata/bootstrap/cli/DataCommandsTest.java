package io.strata.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.database.BackupArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata db verify|backup|restore|reset} end to end on the test server's databases: one seeded database
 * (users, projects, tasks through {@code db seed}, plus rows of the other tables) is verified, backed up while
 * another thread writes, restored into a fresh database (every row equal), and the refusals change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataCommandsTest {

    @TempDir
    Path directory;

    private String source;
    private Map<String, String> sourceEnv;

    @BeforeAll
    void seed() throws SQLException {
        source = TestPostgres.createFreshDatabase();
        sourceEnv = CliRun.external(source);
        CliRun seeded = CliRun.run(
                sourceEnv,
                "db",
                "seed",
                "--users",
                "300",
                "--projects",
                "6",
                "--tasks-per-project",
                "5",
                "--batch-size",
                "100");
        assertThat(seeded.status()).as(seeded.toString()).isZero();
        sql(
                source,
                "INSERT INTO login_failures (key, failed_at) VALUES ('ip:127.0.0.1', now()), ('account:x', now())",
                "INSERT INTO idempotency_keys (scope, key, request_hash, status, response_status, response_content_type, "
                        + "response_body, response_headers, created_at, completed_at, expires_at) VALUES ('u', 'k\\tab', 'h', "
                        + "'COMPLETED', 201, 'application/json', '\\x00ff0a5c'::bytea, '{\"a\": \"line\\nbreak\"}', now(), now(), "
                        + "now() + interval '1 day')",
                "UPDATE users SET first_name = E'Tab\\tNew\\nLine \\\\ back', preferences = '{\"x\": [1, null, \"é\"]}' "
                        + "WHERE id = (SELECT min(id::text)::uuid FROM users)");
    }

    @Test
    void verifyPassesOnConsistentDataAndNamesEachViolation() throws SQLException {
        CliRun ok = CliRun.run(sourceEnv, "db", "verify");
        assertThat(ok.status()).as(ok.toString()).isZero();
        assertThat(ok.out())
                .contains(
                        "ok      flyway: the applied migrations are this Strata's, none pending",
                        "ok      hibernate: the schema fits the entities",
                        "ok      workspace: project task counters and completion match the tasks")
                .contains("checks passed");

        String project = query(source, "SELECT min(id::text) FROM projects").get(0);
        sql(source, "UPDATE projects SET task_count = task_count + 2 WHERE id = '" + project + "'");
        try {
            CliRun broken = CliRun.run(sourceEnv, "db", "verify");
            assertThat(broken.status()).as(broken.toString()).isEqualTo(1);
            assertThat(broken.out())
                    .contains(
                            "FAILED  workspace: project task counters",
                            "        project " + project + ": taskCount 7 (",
                            ") but 5 tasks (")
                    .contains("verify: 1 of ");
        } finally {
            sql(source, "UPDATE projects SET task_count = task_count - 2 WHERE id = '" + project + "'");
        }
    }

    @Test
    void backupWhileWritingThenRestoreElsewhereEveryRowEqual() throws Exception {
        Path archive = directory.resolve("strata.backup");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> {
            try (Connection connection = TestPostgres.connect(source);
                    Statement statement = connection.createStatement()) {
                while (writing.get() && written.get() < 5_000) {
                    statement.execute("INSERT INTO login_failures (key, failed_at) VALUES ('ip:10.0.0."
                            + written.incrementAndGet() + "', now())");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        CliRun backup;
        try {
            backup = CliRun.run(sourceEnv, "db", "backup", archive.toString());
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(backup.status()).as(backup.toString()).isZero();
        assertThat(backup.out())
                .contains("backed up users 300 rows", "backed up projects 6 rows", "backed up tasks 30 rows")
                .containsPattern(
                        "backup .*strata.backup: \\d+ rows of schema version \\d+ in \\d+ ms \\(\\d+ rows/s, \\d+ bytes\\)");
        assertThat(backup.err()).contains("backup users: 300/300");
        BackupArchive.Manifest manifest = BackupArchive.manifest(archive);
        assertThat(manifest.tables())
                .extracting(BackupArchive.TableEntry::name)
                .containsAll(List.of(
                        "users",
                        "user_profiles",
                        "sessions",
                        "login_failures",
                        "idempotency_keys",
                        "projects",
                        "project_members",
                        "tasks",
                        "task_dependencies"))
                .doesNotContain("flyway_schema_history");
        List<String> order =
                manifest.tables().stream().map(BackupArchive.TableEntry::name).toList();
        assertThat(order.indexOf("users")).isLessThan(order.indexOf("projects"));
        assertThat(order.indexOf("project_members")).isLessThan(order.indexOf("tasks"));
        assertThat(manifest.strataVersion()).isNotBlank();
        long failuresInBackup = manifest.tables().stream()
                .filter(t -> t.name().equals("login_failures"))
                .findFirst()
                .orElseThrow()
                .rows();

        String target = TestPostgres.createFreshDatabase();
        CliRun restore = CliRun.run(CliRun.external(target), "db", "restore", archive.toString());
        assertThat(restore.status()).as(restore.toString()).isZero();
        assertThat(restore.out())
                .contains(
                        "restored users 300 rows",
                        "rows and checksums match the backup",
                        "ok      workspace: project task counters")
                .contains("checks passed");
        assertThat(restore.err()).contains("restore tasks: 30/30");

        for (BackupArchive.TableEntry table : manifest.tables()) {
            if (!table.name().equals("login_failures")) {
                assertThat(rows(target, table.name())).as(table.name()).isEqualTo(rows(source, table.name()));
            }
        }
        // the indexes the restore dropped to load faster are all back, as they were
        String indexes = "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1";
        assertThat(query(target, indexes)).hasSizeGreaterThan(50).isEqualTo(query(source, indexes));
        // the writer went on after the snapshot: the backup holds exactly the rows committed before it
        assertThat(rows(target, "login_failures"))
                .hasSize((int) failuresInBackup)
                .isSubsetOf(rows(source, "login_failures"));
        // identity sequences continue after the restored rows
        sql(target, "INSERT INTO login_failures (key, failed_at) VALUES ('after', now())");
        assertThat(query(target, "SELECT count(DISTINCT id) FROM login_failures"))
                .containsExactly(Long.toString(failuresInBackup + 1));

        // into a database with rows: refused, nothing changed
        CliRun again = CliRun.run(CliRun.external(target), "db", "restore", archive.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err())
                .startsWith("strata: db restore: refused: the database is not empty (")
                .contains("nothing was changed");
        assertThat(query(target, "SELECT count(*) FROM users")).containsExactly("300");
    }

    @Test
    void aDamagedArchiveRestoresNothing() throws Exception {
        Path archive = directory.resolve("good.backup");
        assertThat(CliRun.run(sourceEnv, "db", "backup", archive.toString()).status())
                .isZero();
        Path damaged = directory.resolve("damaged.backup");
        try (ZipFile zip = new ZipFile(archive.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    if (entry.getName().equals("tables/tasks.copy")) {
                        String text = new String(bytes, StandardCharsets.UTF_8);
                        bytes = text.replaceFirst("\tWrite the spec\t", "\tWrite the spex\t")
                                .getBytes(StandardCharsets.UTF_8); // one value
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
        String target = TestPostgres.createFreshDatabase();
        CliRun restore = CliRun.run(CliRun.external(target), "db", "restore", damaged.toString());
        assertThat(restore.status()).as(restore.toString()).isEqualTo(1);
        assertThat(restore.err())
                .contains("strata: db restore: restore failed, nothing was kept: the backup's tables/tasks.copy "
                        + "is damaged");
        assertThat(query(target, "SELECT count(*) FROM users")).containsExactly("0");

        CliRun notABackup = CliRun.run(
                CliRun.external(target),
                "db",
                "restore",
                writeFile("plain.txt", "hello").toString());
        assertThat(notABackup.status()).isEqualTo(1);
        assertThat(notABackup.err()).contains("is not a Strata backup");
    }

    @Test
    void resetIsRefusedOnAnExternalDatabaseWithoutForce() throws Exception {
        String database = TestPostgres.createFreshDatabase();
        Map<String, String> env = CliRun.external(database);
        assertThat(CliRun.run(env, "db", "seed", "--users", "5").status()).isZero();

        CliRun refused = CliRun.run(env, "db", "reset");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err())
                .startsWith("strata: db reset: refused: STRATA_DB_URL is set")
                .contains("--force");
        assertThat(query(database, "SELECT count(*) FROM users")).containsExactly("5");

        CliRun reset = CliRun.run(env, "db", "reset", "--force");
        assertThat(reset.status()).as(reset.toString()).isZero();
        assertThat(reset.out())
                .startsWith("dropped ")
                .containsPattern("tables \\(\\d+ rows\\)") // the 5 users, their outbox events, ...
                .containsPattern("schema version \\d+ \\(\\d+ migrations applied\\)");
        assertThat(query(database, "SELECT count(*) FROM users")).containsExactly("0");
        assertThat(query(database, "SELECT extname FROM pg_extension ORDER BY 1"))
                .contains("pg_trgm");

        CliRun empty = CliRun.run(env, "db", "reset", "--force", "--empty");
        assertThat(empty.out()).endsWith("schema left empty\n");
        assertThat(query(
                        database,
                        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                + "WHERE n.nspname = 'public'"))
                .containsExactly("0");
        assertThat(query(database, "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'public'"))
                .containsExactly("pg_database_owner");
    }

    private Path writeFile(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static List<String> rows(String url, String table) throws SQLException {
        return query(url, "SELECT t::text FROM " + table + " t ORDER BY 1");
    }

    private static List<String> query(String url, String sql) throws SQLException {
        return SchemaCommandsTest.query(url, sql);
    }

    private static void sql(String url, String... statements) throws SQLException {
        try (Connection connection = TestPostgres.connect(url);
                Statement statement = connection.createStatement()) {
            for (String s : statements) {
                statement.execute(s);
            }
        }
    }
}
