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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata db seed}: sample users, and optionally projects with tasks, through the application's seed use
 * cases, one transaction per batch, {@code --jobs} batches at once. Starts the database and the Micronaut context as {@code serve} does (migrations
 * included) but no HTTP server. Progress goes to stderr; on success stdout gets exactly one line per table:
 * <pre>
 * seeded users 100000 rows in 8123 ms (12311 rows/s)
 * seeded projects 1000 rows in 2210 ms (452 rows/s)
 * seeded tasks 10000 rows in 2210 ms (4525 rows/s)
 * </pre>
 * The time is that of the inserts only (startup and the one password hash excluded). Projects and their tasks are
 * stored together, one batch of projects with their tasks per transaction, so both lines report that phase's time.
 */
@Command(
        name = "seed",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Load sample users, and projects with tasks when --projects is given, through Strata's own use "
                    + "cases, in transactions of --batch-size rows; no HTTP server.",
            "stdout: one 'seeded <table> <rows> rows in <ms> ms (<rows/s> rows/s)' line per table; "
                    + "the seeded users' password is printed on stderr at the end."
        })
public final class SeedCommand implements Callable<Integer> {
    public static final long DEFAULT_USERS = 1_000;
    public static final int DEFAULT_TASKS_PER_PROJECT = 10;
    public static final int DEFAULT_BATCH_SIZE = 5_000;
    public static final int DEFAULT_JOBS = 2;
    public static final int MAX_JOBS = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cli cli;

    // strings, so that a bad value gets Strata's message ("must be a whole number from 0 to ...")
    @Option(
            names = "--users",
            paramLabel = "N",
            description = "users to add (default ${DEFAULT-VALUE})",
            defaultValue = "1000")
    String usersOption;

    @Option(
            names = "--projects",
            paramLabel = "P",
            description = "projects to add, owned and joined by up to 1,000 of "
                    + "the users seeded now (with --users 0: existing active users) (default ${DEFAULT-VALUE})",
            defaultValue = "0")
    String projectsOption;

    @Option(
            names = "--tasks-per-project",
            paramLabel = "T",
            description = "tasks per project (default 10; needs --projects)")
    String tasksOption;

    @Option(
            names = "--batch-size",
            paramLabel = "B",
            description = "rows per transaction, 1 to 50,000 (default ${DEFAULT-VALUE})",
            defaultValue = "5000")
    String batchSizeOption;

    @Option(
            names = "--jobs",
            paramLabel = "J",
            description = "batches written at once, each in its own transaction on its own connection, 1 to 16 "
                    + "(default ${DEFAULT-VALUE}): PostgreSQL maintains the indexes of one batch while the next "
                    + "one is built and sent",
            defaultValue = "2")
    String jobsOption;

    @Option(
            names = "--password",
            paramLabel = "PW",
            description = "the password of every seeded user (default: random, printed at the end)")
    String password;

    private long users;
    private long projects;
    private int tasksPerProject;
    private int batchSize;
    private int jobs; // at most the pool's size less one, once the runtime is started (see Seeding)

    public SeedCommand(Cli cli) {
        this.cli = cli;
    }

    /**
     * Checks the options (every one of them before anything is written).
     *
     * @throws UsageException naming the first thing that is wrong
     */
    SeedCommand validate() {
        users = number(usersOption, "--users", DEFAULT_USERS, SeedUsersUseCase.MAX_USERS);
        projects = number(projectsOption, "--projects", 0, SeedProjectsUseCase.MAX_PROJECTS);
        if (tasksOption != null && projects == 0) {
            throw new UsageException("--tasks-per-project needs --projects (more than 0)");
        }
        int tasks = (int) number(
                tasksOption,
                "--tasks-per-project",
                DEFAULT_TASKS_PER_PROJECT,
                SeedProjectsUseCase.MAX_TASKS_PER_PROJECT);
        batchSize = (int) number(batchSizeOption, "--batch-size", DEFAULT_BATCH_SIZE, SeedUsersUseCase.MAX_BATCH);
        if (batchSize < 1) {
            throw new UsageException("--batch-size must be 1 to " + SeedUsersUseCase.MAX_BATCH);
        }
        jobs = (int) number(jobsOption, "--jobs", DEFAULT_JOBS, MAX_JOBS);
        if (jobs < 1) {
            throw new UsageException("--jobs must be 1 to " + MAX_JOBS);
        }
        if (password != null) {
            try {
                Password.newPassword("--password", password);
            } catch (ValidationException e) {
                throw new UsageException(e.getMessage());
            }
        }
        tasksPerProject = projects == 0 ? 0 : tasks;
        return this;
    }

    private static long number(String value, String name, long fallback, long max) {
        if (value == null) {
            return fallback;
        }
        String digits = value.replace("_", "");
        if (!digits.matches("[0-9]{1,12}") || Long.parseLong(digits) > max) {
            throw new UsageException(name + " must be a whole number from 0 to " + max + ", got '" + value + "'");
        }
        return Long.parseLong(digits);
    }

    /**
     * Seeds; progress on stderr, the summary on stdout.
     *
     * @throws UsageException when the database cannot take the request (projects but no users), nothing written
     * @throws StartupFailure when the database or a batch fails (batches already committed stay)
     */
    @Override
    public Integer call() {
        validate();
        // no health monitor either: it would check the database every minute while batches are running
        try (StrataRuntime runtime =
                StrataRuntime.start(new String[0], cli.env(), Map.of("micronaut.health.monitor.enabled", false))) {
            new Seeding(runtime, cli.out(), cli.err()).seed();
        }
        return StrataCli.EXIT_OK;
    }

    /** One batch: {@code count} items from item {@code from} on, stored in one transaction. */
    @FunctionalInterface
    private interface Batch<R> {
        R run(long from, int count);
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
            // a batch waiting for a connection longer than the pool's timeout fails: leave one connection for the
            // rest of Strata (the event relay) and never run more batches than the others can hold
            int poolSize = runtime.context()
                    .getProperty("datasources.default.maximum-pool-size", Integer.class)
                    .orElse(5);
            int usable = Math.max(1, poolSize - 1);
            if (jobs > usable) {
                err.println("strata: --jobs " + jobs + " is more than the pool's " + poolSize
                        + " connections allow (STRATA_DB_POOL_SIZE); writing " + usable + " batches at once");
                jobs = usable;
            }
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
            Progress progress = Progress.start(cli, "users", users, "rows");
            List<UserId> people = new ArrayList<>();
            long stride = Math.max(1, users / SeedProjectsUseCase.MAX_PEOPLE);
            inBatches(
                    users,
                    batchSize,
                    (from, count) -> seedUsers.seed(new SeedUsersUseCase.Command(operator, run, from, count)),
                    (from, ids) -> {
                        usersStored += ids.size();
                        for (int i = 0; i < ids.size(); i++) {
                            if ((from + i) % stride == 0 && people.size() < SeedProjectsUseCase.MAX_PEOPLE) {
                                people.add(ids.get(i));
                            }
                        }
                        progress.advance(ids.size(), ids.size(), "");
                    });
            progress.close();
            summary("users", users, progress.elapsedNanos());
            return people;
        }

        private SeedProjectsUseCase.Run startProjects(List<UserId> people) {
            return checked(() ->
                    seedProjects.start(new SeedProjectsUseCase.Start(operator, projects, tasksPerProject, people)));
        }

        /** Stores the projects with their tasks, as many projects per transaction as fit in a batch of rows. */
        private void seedProjects(SeedProjectsUseCase.Run run) {
            Progress progress = Progress.start(cli, "projects", projects, "projects");
            int perBatch = Math.max(1, batchSize / (1 + tasksPerProject));
            long[] tasks = {0};
            inBatches(
                    projects,
                    perBatch,
                    (from, count) -> seedProjects.seed(new SeedProjectsUseCase.Command(operator, run, from, count)),
                    (from, batch) -> {
                        projectsStored += batch.projects();
                        tasks[0] += batch.tasks();
                        progress.advance(
                                batch.projects(),
                                batch.projects() + batch.tasks(),
                                tasksPerProject == 0 ? "" : String.format(Locale.ROOT, " with %,d tasks", tasks[0]));
                    });
            progress.close();
            long elapsed = progress.elapsedNanos();
            summary("projects", projects, elapsed);
            if (tasksPerProject > 0) {
                summary("tasks", tasks[0], elapsed);
            }
        }

        /**
         * Runs {@code store} for every batch of {@code perBatch} of {@code total} items, {@code jobs} batches at once
         * (each its own transaction), and hands the results to {@code done} in batch order, on this thread. After a
         * failure no further batch starts; the batches already running finish (committed batches stay), then the
         * first failure is thrown.
         */
        private <R> void inBatches(long total, int perBatch, Batch<R> store, BiConsumer<Long, R> done) {
            ExecutorService workers = Executors.newFixedThreadPool(jobs, runnable -> {
                Thread thread = new Thread(runnable, "strata-seed");
                thread.setDaemon(true);
                return thread;
            });
            AtomicBoolean failed = new AtomicBoolean();
            Deque<Map.Entry<Long, Future<R>>> running = new ArrayDeque<>();
            RuntimeException failure = null;
            try {
                long from = 0;
                while (from < total || !running.isEmpty()) {
                    // keep jobs batches in flight, plus one: a worker never waits for the next batch to be handed out
                    while (from < total && running.size() <= jobs && !failed.get()) {
                        long start = from;
                        int count = (int) Math.min(perBatch, total - from);
                        running.add(Map.entry(start, workers.submit(() -> {
                            if (failed.get()) {
                                return null;
                            }
                            try {
                                return store.run(start, count);
                            } catch (RuntimeException | Error e) {
                                failed.set(true);
                                throw e;
                            }
                        })));
                        from += count;
                    }
                    if (running.isEmpty()) {
                        break;
                    }
                    Map.Entry<Long, Future<R>> next = running.poll();
                    try {
                        R result = next.getValue().get();
                        if (result != null) {
                            done.accept(next.getKey(), result); // committed, also after another batch failed
                        }
                    } catch (ExecutionException e) {
                        if (failure == null) {
                            failure = e.getCause() instanceof RuntimeException runtime
                                    ? runtime
                                    : new IllegalStateException(e.getCause());
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.set(true);
                throw new StartupFailure("db seed was interrupted", e);
            } finally {
                workers.shutdown();
            }
            if (failure != null) {
                throw failure;
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
            throw new UsageException(e.getMessage());
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
