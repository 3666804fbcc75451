package io.strata.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.config.DatabaseSettings;
import io.strata.bootstrap.database.SchemaMigrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code strata db migrate|info|history|rollback} end to end, as {@code main} runs them, on fresh databases of the
 * test server ({@code STRATA_DB_URL}); and {@code --help} on every command.
 */
class SchemaCommandsTest {

    @Test
    void migrateInfoRollbackHistory() throws Exception {
        String url = TestPostgres.createFreshDatabase();
        Map<String, String> env = CliRun.external(url);
        SchemaMigrations.Status known = new SchemaMigrations(owner(url)).info();
        String latest = known.latestKnown();
        int versions = known.pending().size();

        CliRun info = CliRun.run(env, "db", "info");
        assertThat(info.status()).as(info.toString()).isZero();
        assertThat(info.out())
                .contains(
                        "version   none (empty schema)",
                        "pending   " + versions,
                        "VERSION  STATE    INSTALLED AT",
                        "1        pending");

        CliRun migrate = CliRun.run(env, "db", "migrate");
        assertThat(migrate.status()).as(migrate.toString()).isZero();
        assertThat(migrate.out().lines().filter(line -> line.startsWith("applied V")))
                .hasSize(versions);
        assertThat(migrate.out())
                .startsWith("applied V1 identity users (")
                .endsWith("schema version " + latest + " (was none)\n");
        assertThat(migrate.err()).doesNotContain("applied V1"); // results on stdout, logs on stderr

        CliRun again = CliRun.run(env, "db", "migrate");
        assertThat(again.out()).isEqualTo("schema is up to date at version " + latest + "\n");

        info = CliRun.run(env, "db", "info");
        assertThat(info.out())
                .contains("version   " + latest + " (", "pending   0")
                .containsPattern(
                        "\\n1 +applied +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ +postgres +\\d+ +yes +identity users\\n");

        CliRun rollback = CliRun.run(env, "db", "rollback");
        assertThat(rollback.status()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).startsWith("rolled back V" + latest + " ").contains("schema version ");
        assertThat(appliedVersions(url)).hasSize(versions - 1);

        CliRun toZero = CliRun.run(env, "db", "rollback", "--to", "0");
        assertThat(toZero.status()).as(toZero.toString()).isZero();
        assertThat(toZero.out().lines().filter(line -> line.startsWith("rolled back V")))
                .hasSize(versions - 1);
        assertThat(toZero.out())
                .endsWith("rolled back V1 identity users ("
                        + toZero.out()
                                .split("rolled back V1 identity users \\(")[1]
                                .split("\n")[0] + "\nschema version none (was " + previous(known, latest) + ")\n");
        assertThat(appliedVersions(url)).isEmpty();
        assertThat(tables(url)).containsOnly(SchemaMigrations.HISTORY_TABLE, SchemaMigrations.ROLLBACK_TABLE);

        CliRun history = CliRun.run(env, "db", "history");
        assertThat(history.status()).isZero();
        List<String> events = history.out()
                .lines()
                .skip(1)
                .map(line -> line.split("\\s{2,}")[1] + " " + line.split("\\s{2,}")[2])
                .toList();
        assertThat(events).hasSize(2 * versions).startsWith("applied 1").endsWith("rolled back 1");
        assertThat(events.subList(versions, versions + 1)).containsExactly("rolled back " + latest);

        CliRun remigrate = CliRun.run(env, "db", "migrate", "--target", "1");
        assertThat(remigrate.out())
                .isEqualTo(remigrate.out().lines().findFirst().orElseThrow() + "\nschema version 1 (was none)\n");
        assertThat(appliedVersions(url)).containsExactly("1");
    }

    @Test
    void aRollbackPastAVersionWithoutAScriptIsRefusedAndChangesNothing() throws Exception {
        String url = TestPostgres.createFreshDatabase();
        SchemaMigrations migrations =
                new SchemaMigrations(owner(url), "db/partial-rollbacks/migration", "db/partial-rollbacks/rollback");
        migrations.migrate();

        assertThat(migrations.rollbackSteps(1).rolledBack())
                .extracting(SchemaMigrations.Version::version)
                .containsExactly("3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> migrations.rollbackTo("0"))
                .isInstanceOf(SchemaMigrations.RollbackRefused.class)
                .hasMessage(
                        "cannot roll back to version 0: V2 second table has no rollback script (U2__second_table.sql) "
                                + "in this Strata; nothing was rolled back");
        assertThat(appliedVersions(url)).containsExactly("1", "2");
        assertThat(tables(url)).contains("first_table", "second_table");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> migrations.rollbackSteps(5))
                .hasMessage("cannot roll back 5 step(s): only 2 version(s) are applied (nothing was rolled back)");
    }

    @Test
    void dbCommandsKeepFlywaysInfoLinesOutOfTheirOutput() {
        Logger flyway = (Logger) LoggerFactory.getLogger("org.flywaydb");
        Level configured = flyway.getLevel();
        flyway.setLevel(Level.INFO); // as LogConfigurator has it (the tests' own configuration says WARN)
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        flyway.addAppender(logged);
        try {
            CliRun result = CliRun.run(CliRun.external(TestPostgres.createFreshDatabase()), "db", "migrate");
            assertThat(result.status()).as(result.toString()).isZero();
            assertThat(result.out()).contains("applied V1 identity users");
            assertThat(logged.list)
                    .as("Flyway's lines during db migrate (its INFO would print the JDBC URL and every version)")
                    .allSatisfy(event -> assertThat(event.getLevel().isGreaterOrEqual(Level.WARN))
                            .as(event.getFormattedMessage())
                            .isTrue());
        } finally {
            flyway.detachAppender(logged);
            flyway.setLevel(configured);
        }
    }

    @Test
    void aRefusedRollbackIsOneLineAndExitStatusOne() {
        String url = TestPostgres.createFreshDatabase();
        Map<String, String> env = CliRun.external(url);
        CliRun result = CliRun.run(env, "db", "rollback", "--steps", "3");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("strata: db rollback: cannot roll back 3 step(s): only 0 version(s) are applied "
                        + "(nothing was rolled back)\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void badCommandLinesAreOneLineAndExitStatusTwo() {
        Map<String, String> env = Map.of("STRATA_DB_URL", "jdbc:postgresql://127.0.0.1:1/never-reached");
        for (String[] args : List.of(
                new String[] {"db", "rollback", "--to", "2", "--steps", "1"},
                new String[] {"db", "rollback", "--steps", "0"},
                new String[] {"db", "rollback", "--steps", "many"},
                new String[] {"db", "rollback", "--to", "two"},
                new String[] {"db", "migrate", "extra"},
                new String[] {"db", "info", "--frobnicate"},
                new String[] {"db", "nothing"},
                new String[] {"serve", "stray"})) {
            CliRun result = CliRun.run(env, args);
            assertThat(result.status())
                    .as(String.join(" ", args) + ": " + result)
                    .isEqualTo(2);
            assertThat(result.err().lines().toList())
                    .as(String.join(" ", args))
                    .singleElement()
                    .asString()
                    .startsWith("strata: " + ("serve".equals(args[0]) ? "serve" : "db"));
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void everyCommandHasHelp() {
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--help"});
        commands.add(new String[] {"serve", "--help"});
        commands.add(new String[] {"db", "--help"});
        for (String command :
                List.of("migrate", "info", "history", "rollback", "seed", "verify", "reset", "backup", "restore")) {
            commands.add(new String[] {"db", command, "--help"});
        }
        for (String[] args : commands) {
            CliRun result = CliRun.run(Map.of(), args);
            assertThat(result.status())
                    .as(String.join(" ", args) + ": " + result)
                    .isZero();
            assertThat(result.out()).as(String.join(" ", args)).startsWith("Usage: strata");
            assertThat(result.err()).isEmpty();
        }
        assertThat(CliRun.run(Map.of(), "--help").out()).contains("serve", "db", "STRATA_DB_URL");
        assertThat(CliRun.run(Map.of(), "db", "--help").out())
                .contains("migrate", "info", "history", "rollback", "seed", "verify", "reset", "backup", "restore");
        assertThat(CliRun.run(Map.of(), "--version").out()).startsWith("strata ");
    }

    @Test
    void helpListsEveryCommandAndServeStillSaysWhatItNeeds() {
        Cli cli = new Cli(Map.of(), System.out, System.err, false);
        assertThat(StrataCli.commandLine(cli).getSubcommands().keySet()).containsExactly("serve", "db", "help");
        // serve's command lines that are not properties only still go through picocli: a bad option is a usage
        // error, help is help (properties only start the server without it: ServeCommandLineTest)
        CliRun bad = CliRun.run(Map.of(), "serve", "--no-such-option");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(StrataCli.EXIT_USAGE);
        assertThat(bad.err()).startsWith("strata: serve: ");
        assertThat(CliRun.run(Map.of(), "serve", "--help").out()).startsWith("Usage: strata [serve]");
        assertThat(CliRun.run(Map.of(), "help").out()).contains("serve", "db", "help");
    }

    static DatabaseSettings owner(String url) {
        return new DatabaseSettings(url, TestPostgres.USERNAME, TestPostgres.PASSWORD);
    }

    private static String previous(SchemaMigrations.Status known, String latest) {
        List<String> versions =
                known.pending().stream().map(SchemaMigrations.Entry::version).toList();
        return versions.get(versions.indexOf(latest) - 1);
    }

    static List<String> appliedVersions(String url) throws SQLException {
        return query(
                url,
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank");
    }

    static List<String> tables(String url) throws SQLException {
        return query(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    }

    static List<String> query(String url, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = TestPostgres.connect(url);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
