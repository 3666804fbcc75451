package io.strata.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.application.identity.SeedUsersUseCase;
import io.strata.application.workspace.SeedProjectsUseCase;
import io.strata.bootstrap.Application;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.domain.shared.error.ForbiddenException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code strata db seed} end to end: the command line as {@code main} runs it, against this class's database, next
 * to the running API (which is how seeded users are shown to log in).
 */
class SeedCommandTest extends IntegrationTest {
    private static final Pattern SUMMARY =
            Pattern.compile("seeded (users|projects|tasks) (\\d+) rows in \\d+ ms \\(\\d+ rows/s\\)");
    private static final Pattern LOGIN =
            Pattern.compile("log in as seed\\.([a-z0-9]+)\\.<0\\.\\.\\d+>@example\\.com with the password '([^']+)'");

    @Test
    void seedsUsersProjectsAndTasksWithoutStartingAnHttpServer() throws Exception {
        long usersBefore = count("SELECT count(*) FROM users");
        long projectsBefore = count("SELECT count(*) FROM projects");
        long tasksBefore = count("SELECT count(*) FROM tasks");
        Result result;
        try (ServerSocket busy = new ServerSocket(0)) { // PORT is taken: only an HTTP server would notice
            result = run(
                    env(jdbcUrl(), busy.getLocalPort()),
                    "db",
                    "seed",
                    "--users",
                    "120",
                    "--projects",
                    "6",
                    "--tasks-per-project",
                    "4",
                    "--batch-size",
                    "50");
        }

        assertThat(result.status()).as(result.err()).isEqualTo(Application.EXIT_OK);
        assertThat(result.out().lines().toList())
                .hasSize(3)
                .allMatch(line -> SUMMARY.matcher(line).matches());
        assertThat(result.out())
                .startsWith("seeded users 120 rows in ")
                .contains("\nseeded projects 6 rows in ", "\nseeded tasks 24 rows in ");
        assertThat(result.err()).contains("users: 50/120", "users: 120/120 (", "projects: 6/6 with 24 tasks (");

        Matcher login = LOGIN.matcher(result.err());
        assertThat(login.find()).as(result.err()).isTrue();
        String token = login.group(1);
        String password = login.group(2);
        String seeded = "username LIKE 'seed." + token + ".%'";
        assertThat(count("SELECT count(*) FROM users")).isEqualTo(usersBefore + 120);
        assertThat(count("SELECT count(*) FROM users WHERE " + seeded)).isEqualTo(120);
        assertThat(count("SELECT count(DISTINCT password_hash) FROM users WHERE " + seeded))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM users WHERE " + seeded + " AND role = 'MANAGER'"))
                .isEqualTo(12);
        assertThat(count("SELECT count(*) FROM users WHERE " + seeded + " AND status = 'INACTIVE'"))
                .isEqualTo(6);
        assertThat(count("SELECT count(*) FROM users WHERE " + seeded + " AND cardinality(tags) > 0"))
                .isEqualTo(120);
        // creation times strictly increase with the user's number, so keyset pages by createdAt see them in order
        assertThat(count("SELECT count(*) FROM (SELECT created_at <= lag(created_at) OVER (ORDER BY "
                        + "split_part(username, '.', 3)::int) AS not_after FROM users WHERE " + seeded
                        + ") s WHERE not_after"))
                .isZero();

        // the counters are those of the tasks stored with each project
        assertThat(count("SELECT count(*) FROM projects")).isEqualTo(projectsBefore + 6);
        assertThat(count("SELECT count(*) FROM tasks")).isEqualTo(tasksBefore + 24);
        assertThat(count("""
                SELECT count(*) FROM projects p
                CROSS JOIN LATERAL (SELECT count(*) AS total,
                                           count(*) FILTER (WHERE status = 'DONE') AS done,
                                           count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled
                                    FROM tasks t WHERE t.project_id = p.id) c
                WHERE p.task_count <> c.total
                   OR p.completion <> CASE WHEN c.total = c.cancelled THEN 0 ELSE c.done * 100 / (c.total - c.cancelled) END
                """)).isZero();
        assertThat(count("SELECT count(DISTINCT status) FROM tasks")).isGreaterThanOrEqualTo(4);
        assertThat(count("SELECT count(*) FROM projects p WHERE NOT EXISTS (SELECT 1 FROM project_members m "
                        + "WHERE m.project_id = p.id AND m.user_id = p.owner_id)"))
                .isZero();

        // a seeded user logs in over HTTP with the password printed at the end (user 0 is active)
        assertThat(api().login("seed." + token + ".0@example.com", password)).isNotBlank();
    }

    @Test
    void runningTwiceAddsRowsWithoutConflicts() {
        long before = count("SELECT count(*) FROM users");
        Result first = run(env(jdbcUrl(), -1), "db", "seed", "--users", "30", "--password", "same password twice");
        Result second = run( // five batches, three at a time
                env(jdbcUrl(), -1),
                "db",
                "seed",
                "--users=30",
                "--batch-size=7",
                "--jobs=3",
                "--password=same password twice");

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.out()).matches("seeded users 30 rows in \\d+ ms \\(\\d+ rows/s\\)\\R");
        assertThat(count("SELECT count(*) FROM users")).isEqualTo(before + 60);
        assertThat(second.err()).contains("with the password 'same password twice'");
    }

    @Test
    void moreJobsThanThePoolCanHoldAreCappedAtThePoolLessOne() {
        long before = count("SELECT count(*) FROM users");
        // the pool's size comes from the process environment (application.yml), 5 unless set
        String configured = System.getenv("STRATA_DB_POOL_SIZE");
        int pool = configured == null || configured.isBlank() ? 5 : Integer.parseInt(configured.strip());
        Result result = run(env(jdbcUrl(), -1), "db", "seed", "--users=40", "--batch-size=5", "--jobs=16");

        assertThat(result.status()).as(result.err()).isZero();
        if (pool - 1 < 16) {
            assertThat(result.err())
                    .contains("strata: --jobs 16 is more than the pool's " + pool
                            + " connections allow (STRATA_DB_POOL_SIZE); writing " + Math.max(1, pool - 1)
                            + " batches at once");
        }
        assertThat(count("SELECT count(*) FROM users")).isEqualTo(before + 40);
    }

    @Test
    void badArgumentsAreOneLineAndExitStatusTwoBeforeAnythingIsWritten() {
        long before = count("SELECT count(*) FROM users");
        List<List<String>> bad = List.of(
                List.of("db", "seed", "--users", "many"),
                List.of("db", "seed", "--users", "-5"),
                List.of("db", "seed", "--users", "1.5"),
                List.of("db", "seed", "--users"),
                List.of("db", "seed", "--users", "1", "--users", "2"),
                List.of("db", "seed", "--frobnicate", "1"),
                List.of("db", "seed", "users"),
                List.of("db", "seed", "--tasks-per-project", "3"),
                List.of("db", "seed", "--projects", "0", "--tasks-per-project", "3"),
                List.of("db", "seed", "--batch-size", "0"),
                List.of("db", "seed", "--batch-size", "50001"),
                List.of("db", "seed", "--jobs", "0"),
                List.of("db", "seed", "--jobs", "17"),
                List.of("db", "seed", "--jobs", "two"),
                List.of("db", "seed", "--users", "100000001"),
                List.of("db", "seed", "--tasks-per-project", "1001", "--projects", "1"),
                List.of("db", "seed", "--password", "short"),
                List.of("db"),
                List.of("db", "frobnicate"));
        for (List<String> args : bad) {
            Result result = run(env(jdbcUrl(), -1), args.toArray(String[]::new));
            assertThat(result.status()).as(args + ": " + result.err()).isEqualTo(Application.EXIT_USAGE);
            assertThat(result.err().lines().toList())
                    .as(args.toString())
                    .singleElement()
                    .asString()
                    .startsWith("strata: db");
            assertThat(result.out()).as(args.toString()).isEmpty();
        }
        assertThat(run(env(jdbcUrl(), -1), "db", "seed", "--users", "x").err())
                .isEqualTo("strata: db seed: --users must be a whole number from 0 to 100000000, got 'x'"
                        + System.lineSeparator());
        assertThat(count("SELECT count(*) FROM users")).isEqualTo(before);
    }

    @Test
    void projectsWithNoUserToOwnThemAreAUsageErrorAndWriteNothing() {
        String empty = TestPostgres.createFreshDatabase();
        Result result = run(env(empty, -1), "db", "seed", "--users", "0", "--projects", "2");

        assertThat(result.status()).as(result.err()).isEqualTo(Application.EXIT_USAGE);
        assertThat(result.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith("strata: db seed: projects: there are no active users");
        assertThat(result.out()).isEmpty();
        assertThat(count(empty, "SELECT count(*) FROM users") + count(empty, "SELECT count(*) FROM projects"))
                .isZero();
    }

    @Test
    void anUnreachableDatabaseIsOneLineAndExitStatusOne() {
        Result result = run(Map.of("STRATA_DB_URL", "jdbc:postgresql://127.0.0.1:1/nope"), "db", "seed");

        assertThat(result.status()).isEqualTo(Application.EXIT_FAILURE);
        assertThat(result.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith("strata: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/nope");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void helpListsTheCommand() {
        Result result = run(Map.of(), "db", "help");
        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("seed", "Load sample users");
        Result seedHelp = run(Map.of(), "db", "seed", "--help");
        assertThat(seedHelp.status()).isZero();
        assertThat(seedHelp.out())
                .startsWith("Usage: strata db seed ")
                .contains("--users=N", "--projects=P", "--tasks-per-project=T", "--batch-size=B", "--password=PW");
    }

    @Test
    void parsesDefaultsAndBothOptionForms() {
        SeedCommand defaults = parse();
        assertThat(defaults.users()).isEqualTo(SeedCommand.DEFAULT_USERS);
        assertThat(defaults.projects()).isZero();
        assertThat(defaults.tasksPerProject()).isZero();
        assertThat(defaults.batchSize()).isEqualTo(SeedCommand.DEFAULT_BATCH_SIZE);

        SeedCommand given = parse("--users=1_000_000", "--projects", "10", "--batch-size=800");
        assertThat(given.users()).isEqualTo(1_000_000);
        assertThat(given.projects()).isEqualTo(10);
        assertThat(given.tasksPerProject()).isEqualTo(SeedCommand.DEFAULT_TASKS_PER_PROJECT);
        assertThat(given.batchSize()).isEqualTo(800);
    }

    private static SeedCommand parse(String... args) {
        Cli cli = new Cli(Map.of(), System.out, System.err, false);
        picocli.CommandLine.ParseResult parsed = StrataCli.commandLine(cli)
                .parseArgs(java.util.stream.Stream.concat(
                                java.util.stream.Stream.of("db", "seed"), java.util.Arrays.stream(args))
                        .toArray(String[]::new));
        return ((SeedCommand) parsed.subcommand().subcommand().commandSpec().userObject()).validate();
    }

    @Test
    void onlyAnAdminMaySeedAndBatchesStayInsideTheirRun() {
        Actor manager = new Actor(UserId.newId(), Role.MANAGER);
        SeedUsersUseCase seedUsers = bean(SeedUsersUseCase.class);
        SeedProjectsUseCase seedProjects = bean(SeedProjectsUseCase.class);
        assertThatThrownBy(() -> seedUsers.start(new SeedUsersUseCase.Start(manager, 1, "long enough password")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> seedProjects.start(new SeedProjectsUseCase.Start(manager, 1, 1, List.of())))
                .isInstanceOf(ForbiddenException.class);

        SeedUsersUseCase.Run run =
                seedUsers.start(new SeedUsersUseCase.Start(Actor.system(), 10, "long enough password"));
        assertThatThrownBy(() -> seedUsers.seed(new SeedUsersUseCase.Command(Actor.system(), run, 5, 6)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("outside the run of 10");
        List<UserId> ids = seedUsers.seed(new SeedUsersUseCase.Command(Actor.system(), run, 5, 5));
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();

        SeedProjectsUseCase.Run projects = seedProjects.start(
                new SeedProjectsUseCase.Start(Actor.system(), 2, 3, List.of(ids.get(0), UserId.newId())));
        assertThat(projects.people()).containsExactly(ids.get(0)); // unknown users take no part
        assertThat(seedProjects.seed(new SeedProjectsUseCase.Command(Actor.system(), projects, 0, 2)))
                .isEqualTo(new SeedProjectsUseCase.Batch(2, 6));
        sql("DELETE FROM projects WHERE description LIKE 'Sample project (run " + projects.token() + ")'");
    }

    private Map<String, String> env(String url, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("STRATA_DB_URL", url);
        env.put("STRATA_DB_USER", TestPostgres.USERNAME);
        env.put("STRATA_DB_PASSWORD", TestPostgres.PASSWORD);
        env.put("PORT", Integer.toString(port));
        return env;
    }

    private static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Application.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private long count(String select) {
        return count(jdbcUrl(), select);
    }

    private static long count(String url, String select) {
        try (Connection connection = TestPostgres.connect(url);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(select)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String statement) {
        try (Connection connection = TestPostgres.connect(jdbcUrl());
                Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Result(int status, String out, String err) {}
}
