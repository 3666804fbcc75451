package io.strata.bootstrap.cli;

import io.strata.application.identity.SeedUsersUseCase;
import io.strata.application.workspace.SeedProjectsUseCase;
import io.strata.bootstrap.config.StartupFailure;
import io.strata.bootstrap.runtime.StrataRuntime;
import io.strata.domain.identity.Password;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code strata db seed}: sample users, and optionally projects with tasks, through the application's seed use
 * cases, one transaction per batch. Starts the database and the Micronaut context as {@code serve} does (migrations
 * included) but no HTTP server. Progress goes to stderr; on success stdout gets exactly one line per table:
 * <pre>
 * seeded users 100000 rows in 8123 ms (12311 rows/s)
 * seeded projects 1000 rows in 2210 ms (452 rows/s)
 * seeded tasks 10000 rows in 2210 ms (4525 rows/s)
 * </pre>
 * The time is that of the inserts only (startup and the one password hash excluded). Projects and their tasks are
 * stored together, one batch of projects with their tasks per transaction, so both lines report that phase's time.
 */
public final class SeedCommand {
    public static final String USAGE =
            "strata db seed [--users N] [--projects P] [--tasks-per-project T] " + "[--batch-size B] [--password PW]";
    public static final long DEFAULT_USERS = 1_000;
    public static final int DEFAULT_TASKS_PER_PROJECT = 10;
    public static final int DEFAULT_BATCH_SIZE = 5_000;

    private static final String OPTIONS = "--users, --projects, --tasks-per-project, --batch-size, --password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final long users;
    private final long projects;
    private final int tasksPerProject;
    private final int batchSize;
    private final String password;
    private final boolean help;

    private SeedCommand(long users, long projects, int tasksPerProject, int batchSize, String password, boolean help) {
        this.users = users;
        this.projects = projects;
        this.tasksPerProject = tasksPerProject;
        this.batchSize = batchSize;
        this.password = password;
        this.help = help;
    }

    /**
     * Reads {@code --name value} or {@code --name=value} options; nothing else.
     *
     * @throws UsageException naming the first thing that is wrong
     */
    public static SeedCommand parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw usage("unexpected argument '" + arg + "' (options: " + OPTIONS + ")");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!Set.of("--users", "--projects", "--tasks-per-project", "--batch-size", "--password")
                    .contains(name)) {
                throw usage("unknown option '" + name + "' (options: " + OPTIONS + ")");
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw usage(name + " needs a value");
            }
            if (given.put(name, value) != null) {
                throw usage(name + " is given twice");
            }
        }
        long users = number(given, "--users", DEFAULT_USERS, SeedUsersUseCase.MAX_USERS);
        long projects = number(given, "--projects", 0, SeedProjectsUseCase.MAX_PROJECTS);
        if (given.containsKey("--tasks-per-project") && projects == 0) {
            throw usage("--tasks-per-project needs --projects (more than 0)");
        }
        int tasks = (int) number(
                given, "--tasks-per-project", DEFAULT_TASKS_PER_PROJECT, SeedProjectsUseCase.MAX_TASKS_PER_PROJECT);
        int batchSize = (int) number(given, "--batch-size", DEFAULT_BATCH_SIZE, SeedUsersUseCase.MAX_BATCH);
        if (batchSize < 1) {
            throw usage("--batch-size must be 1 to " + SeedUsersUseCase.MAX_BATCH);
        }
        String password = given.get("--password");
        if (password != null) {
            try {
                Password.newPassword("--password", password);
            } catch (ValidationException e) {
                throw usage(e.getMessage());
            }
        }
        return new SeedCommand(users, projects, projects == 0 ? 0 : tasks, batchSize, password, help);
    }

    private static long number(Map<String, String> given, String name, long fallback, long max) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        String digits = value.replace("_", "");
        if (!digits.matches("[0-9]{1,12}") || Long.parseLong(digits) > max) {
            throw usage(name + " must be a whole number from 0 to " + max + ", got '" + value + "'");
        }
        return Long.parseLong(digits);
    }

    private static UsageException usage(String message) {
        return new UsageException("db seed: " + message);
    }

    /**
     * Seeds; progress on {@code err}, the summary on {@code out}.
     *
     * @throws UsageException when the database cannot take the request (projects but no users), nothing written
     * @throws StartupFailure when the database or a batch fails (batches already committed stay)
     */
    public void run(Map<String, String> env, PrintStream out, PrintStream err) {
        if (help) {
            out.println("usage: " + USAGE);
            return;
        }
        // no health monitor either: it would check the database every minute while batches are running
        try (StrataRuntime runtime =
                StrataRuntime.start(new String[0], env, Map.of("micronaut.health.monitor.enabled", false))) {
            new Seeding(runtime, out, err).seed();
        }
    }

    /** One seeding run in a started runtime. */
    private final class Seeding {
        private final SeedUsersUseCase seedUsers;
        private final SeedProjectsUseCase seedProjects;
        private final PrintStream out;
        private final PrintStream err;
        private final Actor operator = Actor.system(); // an operator command: the system acts, with admin rights
        private long usersStored;
        private long projectsStored;

        Seeding(StrataRuntime runtime, PrintStream out, PrintStream err) {
            this.seedUsers = runtime.context().getBean(SeedUsersUseCase.class); // beans of a started context: present
            this.seedProjects = runtime.context().getBean(SeedProjectsUseCase.class);
            this.out = out;
            this.err = err;
        }

        void seed() {
            String plain = password != null ? password : randomPassword();
            SeedUsersUseCase.Run userRun;
            try {
                userRun = users == 0
                        ? null
                        : checked(() -> seedUsers.start(new SeedUsersUseCase.Start(operator, users, plain)));
                // with no users of its own, the run takes existing ones: refuse before writing if there are none
                SeedProjectsUseCase.Run projectRun = projects > 0 && users == 0 ? startProjects(List.of()) : null;
                List<UserId> people = seedUsers(userRun);
                if (projects > 0) {
                    seedProjects(projectRun != null ? projectRun : startProjects(people));
                }
            } catch (UsageException | StartupFailure e) {
                throw e;
            } catch (RuntimeException e) {
                throw new StartupFailure(
                        "db seed failed ("
                                + (usersStored + projectsStored == 0
                                        ? "nothing stored"
                                        : usersStored + " users and " + projectsStored + " projects stored")
                                + "): "
                                + StartupFailure.describe(e),
                        e);
            }
            if (userRun != null) {
                err.println("strata: seeded users log in as seed." + userRun.token() + ".<0.." + (users - 1)
                        + ">@example.com with the password '" + plain + "'");
            }
        }

        /** Stores the users batch by batch; returns up to {@code MAX_PEOPLE} of them, spread over the run. */
        private List<UserId> seedUsers(SeedUsersUseCase.Run run) {
            Progress progress = new Progress("users", users, err);
            List<UserId> people = new ArrayList<>();
            long stride = Math.max(1, users / SeedProjectsUseCase.MAX_PEOPLE);
            for (long from = 0; from < users; from += batchSize) {
                int count = (int) Math.min(batchSize, users - from);
                List<UserId> ids = seedUsers.seed(new SeedUsersUseCase.Command(operator, run, from, count));
                usersStored += count;
                for (int i = 0; i < ids.size(); i++) {
                    if ((from + i) % stride == 0 && people.size() < SeedProjectsUseCase.MAX_PEOPLE) {
                        people.add(ids.get(i));
                    }
                }
                progress.advance(count, count, "");
            }
            summary("users", users, progress.elapsedNanos());
            return people;
        }

        private SeedProjectsUseCase.Run startProjects(List<UserId> people) {
            return checked(() ->
                    seedProjects.start(new SeedProjectsUseCase.Start(operator, projects, tasksPerProject, people)));
        }

        /** Stores the projects with their tasks, as many projects per transaction as fit in a batch of rows. */
        private void seedProjects(SeedProjectsUseCase.Run run) {
            Progress progress = new Progress("projects", projects, err);
            int perBatch = Math.max(1, batchSize / (1 + tasksPerProject));
            long tasks = 0;
            for (long from = 0; from < projects; from += perBatch) {
                int count = (int) Math.min(perBatch, projects - from);
                SeedProjectsUseCase.Batch batch =
                        seedProjects.seed(new SeedProjectsUseCase.Command(operator, run, from, count));
                projectsStored += batch.projects();
                tasks += batch.tasks();
                progress.advance(
                        batch.projects(),
                        batch.projects() + batch.tasks(),
                        tasksPerProject == 0 ? "" : String.format(Locale.ROOT, " with %,d tasks", tasks));
            }
            long elapsed = progress.elapsedNanos();
            summary("projects", projects, elapsed);
            if (tasksPerProject > 0) {
                summary("tasks", tasks, elapsed);
            }
        }

        private void summary(String table, long rows, long nanos) {
            out.println("seeded " + table + " " + rows + " rows in " + nanos / 1_000_000 + " ms ("
                    + Progress.rowsPerSecond(rows, nanos) + " rows/s)");
            out.flush();
        }
    }

    /** A rule of the use case that the request breaks is the caller's to fix: a usage error. */
    private static <T> T checked(Supplier<T> start) {
        try {
            return start.get();
        } catch (ValidationException e) {
            throw usage(e.getMessage());
        }
    }

    /** Seeded users share one password; without {@code --password} it is random and printed at the end. */
    private static String randomPassword() {
        String digits = "abcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder("seed-");
        for (int i = 0; i < 12; i++) {
            password.append(digits.charAt(RANDOM.nextInt(digits.length())));
        }
        return password.toString();
    }

    long users() {
        return users;
    }

    long projects() {
        return projects;
    }

    int tasksPerProject() {
        return tasksPerProject;
    }

    int batchSize() {
        return batchSize;
    }
}
