package io.strata.bootstrap.embedded;

import io.strata.bootstrap.config.DatabaseSettings;
import io.strata.bootstrap.config.StartupFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local PostgreSQL 17 whose data directory persists between runs, used when no external database is configured:
 * zonky's binaries ({@link PostgresBinaries}) run as a child process of this JVM, and supervised.
 *
 * <ul>
 *   <li>{@link #start} initialises the cluster on first use ({@code initdb}), reuses it afterwards, and makes sure
 *       the application database exists. A lock file next to the data directory keeps a second Strata out; a
 *       postmaster left running by a Strata that was killed is stopped first (fast shutdown), a stale
 *       {@code postmaster.pid} is removed.</li>
 *   <li>Durability is set on the command line, which wins over {@code postgresql.conf}: {@code fsync},
 *       {@code synchronous_commit} and {@code full_page_writes} are on, so a commit is acknowledged only once its
 *       WAL is on disk.</li>
 *   <li>When the postmaster exits without being asked to, it is restarted on the same data directory (PostgreSQL's
 *       crash recovery replays the WAL), after the crashed server's backends have let go of its shared memory.
 *       A failed restart is retried with a growing pause; after {@code restartAttempts} failures in a row the
 *       supervisor gives up and tells its {@link Listener}s (Strata then exits with status 1).</li>
 *   <li>{@link #close} stops the server ({@code pg_ctl stop}, fast mode: a checkpoint, then exit) and keeps the
 *       data. Nothing else stops it: there is no JVM shutdown hook, the caller closes it after the connection
 *       pools.</li>
 * </ul>
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String DEFAULT_DATABASE = "strata";
    public static final String SUPERUSER = "postgres";

    /** Consecutive failed restarts after which the supervisor gives up (by default). */
    public static final int DEFAULT_RESTART_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    /** PostgreSQL's own log lines, prefixed with the process id. */
    private static final Logger SERVER_LOG = LoggerFactory.getLogger("postgres");

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration OLD_BACKENDS_TIMEOUT = Duration.ofSeconds(30);
    private static final int RECENT_OUTPUT_LINES = 20;

    /** The server as its supervisor sees it. */
    public enum State {
        RUNNING,
        RESTARTING,
        FAILED,
        STOPPED
    }

    /** Events of the supervised server, called on the supervisor's thread. */
    public interface Listener {
        /** The postmaster exited without being asked to; a restart follows. */
        default void crashed(EmbeddedPostgres postgres, int exitStatus) {}

        /** The server is back and accepts connections (after crash recovery). */
        default void restarted(EmbeddedPostgres postgres) {}

        /** The restarts failed {@code restartAttempts} times in a row: the server stays down. */
        default void gaveUp(EmbeddedPostgres postgres, String message) {}
    }

    /** A snapshot for health and logs. */
    public record Status(
            State state,
            long pid,
            int port,
            Path dataDirectory,
            Instant startedAt,
            int restarts,
            Instant lastCrashAt,
            Integer lastExitStatus,
            Instant lastRestartAt,
            Long lastRecoveryMs,
            int restartAttempts) {}

    private final Path dataDirectory;
    private final int port;
    private final String database;
    private final int restartAttempts;
    private final PostgresBinaries binaries;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService supervisor;
    private final Deque<String> recentOutput = new ArrayDeque<>();
    private final Instant startedAt = Instant.now();

    private Process postmaster;
    /** A postmaster launched and not yet ready: {@link #close} stops it too. */
    private Process starting;

    private State state = State.STOPPED;
    private int restarts;
    private Instant lastCrashAt;
    private Integer lastExitStatus;
    private Instant lastRestartAt;
    private Long lastRecoveryMs;
    private boolean closing;

    /**
     * Stops the server if the JVM exits while this server still has no owner that stops it in order (a SIGTERM while
     * Strata starts, or during a {@code db} command): without it the postmaster outlived the JVM until the next start.
     * Removed when the server is closed or its owner takes over ({@link #stopWithOwner}).
     */
    private final Thread stopOnExit = new Thread(this::close, "embedded-postgres-exit");

    private EmbeddedPostgres(
            Path dataDirectory,
            int port,
            String database,
            int restartAttempts,
            PostgresBinaries binaries,
            FileChannel lockChannel,
            FileLock lock) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.database = database;
        this.restartAttempts = restartAttempts;
        this.binaries = binaries;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.supervisor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "postgres-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts (initialising on first use) the cluster in {@code dataDirectory} on {@code port}, with {@code database}.
     *
     * @param binariesRoot    where the PostgreSQL binaries are unpacked (once per version)
     * @param restartAttempts consecutive failed restarts after a crash before giving up (at least 1)
     * @throws StartupFailure with a one-line message when the server cannot be started
     */
    public static EmbeddedPostgres start(
            Path dataDirectory, int port, String database, Path binariesRoot, int restartAttempts) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("invalid database name: " + database);
        }
        if (restartAttempts < 1) {
            throw new IllegalArgumentException("restartAttempts must be at least 1, got " + restartAttempts);
        }
        Path directory = dataDirectory.toAbsolutePath().normalize();
        long started = System.nanoTime();
        FileChannel lockChannel = null;
        EmbeddedPostgres postgres = null;
        try {
            PostgresBinaries binaries = PostgresBinaries.install(binariesRoot);
            Files.createDirectories(directory.getParent());
            Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel);
            if (lock == null) {
                throw new StartupFailure("cannot start embedded PostgreSQL: its data directory " + directory
                        + " is in use by another Strata (set STRATA_DATA_DIR to use another one)");
            }
            postgres = new EmbeddedPostgres(directory, port, database, restartAttempts, binaries, lockChannel, lock);
            Runtime.getRuntime().addShutdownHook(postgres.stopOnExit);
            boolean fresh = !Files.exists(directory.resolve("PG_VERSION"));
            if (fresh) {
                postgres.initdb();
            } else {
                postgres.stopLeftoverPostmaster();
            }
            ensurePortFree(port);
            postgres.launch();
            postgres.createDatabaseIfMissing();
            postgres.supervise();
            LOG.info(
                    "Embedded PostgreSQL {} on port {} ({}, data in {}) in {} ms",
                    fresh ? "initialised and started" : "started",
                    port,
                    database,
                    directory,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return postgres;
        } catch (StartupFailure e) {
            closeAfterFailedStart(postgres, lockChannel);
            throw e;
        } catch (IOException | SQLException | RuntimeException e) {
            closeAfterFailedStart(postgres, lockChannel);
            throw new StartupFailure(
                    "cannot start embedded PostgreSQL in " + directory + " on port " + port + ": "
                            + StartupFailure.describe(e),
                    e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM
        }
    }

    private static void closeAfterFailedStart(EmbeddedPostgres postgres, FileChannel lockChannel) {
        if (postgres != null) {
            postgres.close();
        } else if (lockChannel != null) {
            try {
                lockChannel.close();
            } catch (IOException ignored) {
                // failing already
            }
        }
    }

    private static void ensurePortFree(int port) {
        if (port <= 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StartupFailure("cannot start embedded PostgreSQL: port " + port
                    + " is already in use (is another strata running? set STRATA_EMBEDDED_DB_PORT or STRATA_DB_URL)");
        }
    }

    // ------------------------------------------------------------------ the server process

    /** Settings passed with {@code -c}; they override postgresql.conf and ALTER SYSTEM. */
    static Map<String, String> serverSettings(int port) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("port", Integer.toString(port));
        settings.put("listen_addresses", "localhost");
        settings.put("max_connections", "100");
        settings.put("timezone", "UTC");
        // durability: an acknowledged commit is on disk (zonky's defaults turn the first two off)
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("full_page_writes", "on");
        if (System.getProperty("os.name", "").startsWith("Linux")) {
            // before crash recovery, one syncfs() of the file system instead of an fsync() per file: same guarantee,
            // faster restart
            settings.put("recovery_init_sync_method", "syncfs");
        }
        // Strata's log carries the server's startup, recovery and shutdown lines; failed statements (with the
        // values that failed, e.g. e-mails) are the client's to report, not the server log's
        settings.put("log_min_messages", "log");
        settings.put("log_min_error_statement", "panic");
        settings.put("log_checkpoints", "off");
        settings.put("log_line_prefix", "[%p] ");
        return settings;
    }

    private void initdb() throws IOException {
        Files.createDirectories(dataDirectory);
        run(
                binaries.command(
                        "initdb",
                        List.of("-A", "trust", "-U", SUPERUSER, "-D", dataDirectory.toString(), "-E", "UTF-8")),
                "initdb",
                Duration.ofMinutes(2));
    }

    /**
     * A {@code postmaster.pid} left behind: either its postmaster still runs (Strata was killed, its server was
     * not), and is stopped so that this JVM runs its own, supervised; or it is stale (see {@link #clearStalePidFile}).
     */
    private void stopLeftoverPostmaster() throws IOException {
        Optional<Long> pid = postmasterPidFromFile();
        if (pid.isPresent() && isRunningPostgres(pid.get())) {
            LOG.warn(
                    "Embedded PostgreSQL (PID {}) is still running from an earlier Strata; stopping it first",
                    pid.get());
            pgCtlStop();
        } else {
            clearStalePidFile();
        }
    }

    /**
     * A {@code postmaster.pid} whose server is gone. PostgreSQL removes it itself when its PID is free, and refuses
     * to start while processes of the dead server still use its shared memory: they exit once they notice their
     * postmaster is gone (at their next wait), so this waits for that (on Linux it is visible in
     * {@code /proc/sysvipc/shm}; elsewhere the restart's retry covers it). A PID that is still "alive" is a zombie
     * (a killed server nobody reaped) or another program that got the number: PostgreSQL would take it for a running
     * server, so the file is removed here.
     */
    private void clearStalePidFile() throws IOException {
        Path file = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() >= 7) {
            String[] key = lines.get(6).strip().split("\\s+");
            if (key.length >= 2) {
                awaitSharedMemoryReleased(key[1]);
            }
        }
        Optional<Long> pid = postmasterPidFromFile();
        if (pid.isPresent()
                && ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false)) {
            LOG.info("Removing the stale postmaster.pid of PID {} (no PostgreSQL server runs under it)", pid.get());
            Files.deleteIfExists(file);
        }
    }

    private static void awaitSharedMemoryReleased(String shmid) throws IOException {
        Path segments = Path.of("/proc/sysvipc/shm");
        if (!Files.isReadable(segments)) {
            return;
        }
        long deadline = System.nanoTime() + OLD_BACKENDS_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && attachments(segments, shmid) > 0) {
            pause(Duration.ofMillis(20));
        }
    }

    private static int attachments(Path segments, String shmid) throws IOException {
        for (String row : Files.readAllLines(segments, StandardCharsets.UTF_8)) {
            String[] columns = row.strip().split("\\s+");
            // key shmid perms size cpid lpid nattch ...
            if (columns.length > 6 && columns[1].equals(shmid)) {
                try {
                    return Integer.parseInt(columns[6]);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** The PID on the first line of {@code postmaster.pid}, if the file exists. */
    public Optional<Long> postmasterPidFromFile() throws IOException {
        Path file = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        try {
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isRunningPostgres(long pid) {
        // a zombie (a killed server nobody reaped) has no command any more
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(handle -> handle.info().command())
                .map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
                .orElse(false);
    }

    /** Starts the postmaster and waits until it accepts connections (after crash recovery, if it was needed). */
    private void launch() throws IOException, SQLException {
        List<String> arguments = new ArrayList<>(List.of("-D", dataDirectory.toString()));
        serverSettings(port).forEach((name, value) -> {
            arguments.add("-c");
            arguments.add(name + "=" + value);
        });
        ProcessBuilder builder = new ProcessBuilder(binaries.command("postgres", arguments)).redirectErrorStream(true);
        builder.environment().put("LC_MESSAGES", "C");
        Process process;
        synchronized (this) {
            if (closing) { // the JVM is exiting (stopOnExit): start nothing that would outlive it
                throw new IOException("embedded PostgreSQL was closed while starting");
            }
            process = builder.start();
            starting = process;
        }
        forwardOutput(process);
        try {
            awaitReady(process);
        } catch (SQLException | IOException | RuntimeException e) {
            process.destroyForcibly(); // not ready: never leave a half-started server behind
            synchronized (this) {
                starting = null;
            }
            throw e;
        }
        synchronized (this) {
            starting = null;
            postmaster = process;
            state = State.RUNNING;
        }
    }

    private void forwardOutput(Process process) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            SERVER_LOG.info(line);
                            synchronized (recentOutput) {
                                recentOutput.addLast(line);
                                if (recentOutput.size() > RECENT_OUTPUT_LINES) {
                                    recentOutput.removeFirst();
                                }
                            }
                        }
                    } catch (IOException ignored) {
                        // the server is gone
                    }
                },
                "postgres-log-" + process.pid());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits until the postmaster says it is ready in {@code postmaster.pid} (what {@code pg_ctl -w} reads: during
     * crash recovery it says "starting"), then checks that a connection works.
     */
    private void awaitReady(Process process) throws SQLException, IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited with status " + process.exitValue() + lastLogLine());
            }
            if (isReady(pidFile, process.pid())) {
                try (Connection connection = connect("postgres");
                        Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                    return;
                } catch (SQLException e) {
                    last = e;
                }
            }
            pause(Duration.ofMillis(20));
        }
        throw new IllegalStateException("PostgreSQL did not accept connections within " + READY_TIMEOUT.toSeconds()
                + " s" + (last == null ? "" : ": " + last.getMessage()));
    }

    private static boolean isReady(Path pidFile, long pid) throws IOException {
        if (!Files.exists(pidFile)) {
            return false;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        // line 1: the postmaster's PID; line 8: its status (starting, ready, stopping)
        return lines.size() >= 8
                && lines.get(0).strip().equals(Long.toString(pid))
                && lines.get(7).strip().equals("ready");
    }

    private String lastLogLine() {
        synchronized (recentOutput) {
            return recentOutput.stream()
                    .filter(l -> l.contains("FATAL") || l.contains("PANIC"))
                    .reduce((a, b) -> b)
                    .map(l -> ": " + l.strip())
                    .orElse("");
        }
    }

    private Connection connect(String databaseName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("ApplicationName", "strata-embedded-check");
        return new org.postgresql.Driver().connect(jdbcUrl(databaseName), properties);
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = connect("postgres")) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, database);
                try (ResultSet rs = query.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + database); // name validated in start()
                }
                LOG.info("Created database '{}'", database);
            }
        }
    }

    // ------------------------------------------------------------------ supervision

    private void supervise() {
        Process watched = postmaster;
        watched.onExit().thenRunAsync(() -> onExit(watched), supervisor);
    }

    private void onExit(Process exited) {
        int status = exited.exitValue();
        synchronized (this) {
            if (closing || exited != postmaster) {
                return;
            }
            state = State.RESTARTING;
            lastCrashAt = Instant.now();
            lastExitStatus = status;
        }
        long crashedAt = System.nanoTime();
        LOG.error(
                "Embedded PostgreSQL (PID {}) exited unexpectedly with status {}{}; restarting it on {}",
                exited.pid(),
                status,
                lastLogLine(),
                dataDirectory);
        notifyListeners(l -> l.crashed(this, status));
        String failure = null;
        for (int attempt = 1; attempt <= restartAttempts; attempt++) {
            if (attempt > 1) {
                pause(Duration.ofMillis(250L << Math.min(attempt - 2, 5))); // 0.25 s, 0.5 s, 1 s, ...
            }
            synchronized (this) {
                if (closing) {
                    return;
                }
            }
            try {
                clearStalePidFile();
                launch();
                synchronized (this) {
                    restarts++;
                    lastRestartAt = Instant.now();
                    lastRecoveryMs =
                            Duration.ofNanos(System.nanoTime() - crashedAt).toMillis();
                }
                LOG.warn(
                        "Embedded PostgreSQL restarted (PID {}) {} ms after the crash, crash recovery done; restarts since start: {}",
                        postmaster.pid(),
                        lastRecoveryMs,
                        restarts);
                supervise();
                notifyListeners(l -> l.restarted(this));
                return;
            } catch (IOException | SQLException | RuntimeException e) {
                failure = StartupFailure.describe(e);
                LOG.warn("Restart {} of {} of the embedded PostgreSQL failed: {}", attempt, restartAttempts, failure);
            }
        }
        synchronized (this) {
            state = State.FAILED;
        }
        String message = "embedded PostgreSQL in " + dataDirectory + " could not be restarted after " + restartAttempts
                + " attempts (last: " + failure + "); see its log lines above";
        LOG.error("Giving up: {}", message);
        notifyListeners(l -> l.gaveUp(this, message));
    }

    private void notifyListeners(java.util.function.Consumer<Listener> event) {
        for (Listener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("A listener of the embedded PostgreSQL failed: {}", StartupFailure.describe(e));
            }
        }
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    // ------------------------------------------------------------------ accessors

    /** JDBC URL, user and password of the application database. */
    public DatabaseSettings settings() {
        return new DatabaseSettings(jdbcUrl(database), SUPERUSER, "");
    }

    public String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://localhost:" + port + "/" + databaseName;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public synchronized boolean isRunning() {
        return state == State.RUNNING && postmaster != null && postmaster.isAlive();
    }

    public synchronized Status status() {
        return new Status(
                state,
                postmaster == null ? -1 : postmaster.pid(),
                port,
                dataDirectory,
                startedAt,
                restarts,
                lastCrashAt,
                lastExitStatus,
                lastRestartAt,
                lastRecoveryMs,
                restartAttempts);
    }

    // ------------------------------------------------------------------ stop

    /**
     * The owner of this server (the HTTP server, whose shutdown drains requests first and then closes the database)
     * stops it from now on: the JVM's exit no longer does so on its own, which could stop it under requests in flight.
     * False when the JVM is already exiting (the server is being stopped then).
     */
    public boolean stopWithOwner() {
        return forgetStopOnExit();
    }

    private boolean forgetStopOnExit() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            return true;
        } catch (IllegalStateException exiting) {
            return false;
        }
    }

    /** Stops the server (fast shutdown: clients are disconnected, a checkpoint is written) and keeps the data. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        forgetStopOnExit();
        supervisor.shutdownNow(); // a restart in progress gives up (and kills what it started)
        Process process;
        try {
            supervisor.awaitTermination(10, TimeUnit.SECONDS);
            synchronized (this) {
                // a launch in progress (the first, or a restart after a crash) is the newest process
                process = starting != null ? starting : postmaster;
            }
            if (process != null && process.isAlive()) {
                stop(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                state = State.STOPPED;
            }
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }

    private void stop(Process process) throws InterruptedException {
        long started = System.nanoTime();
        try {
            pgCtlStop();
        } catch (IOException | RuntimeException e) {
            LOG.warn("pg_ctl stop failed ({}); terminating PostgreSQL", StartupFailure.describe(e));
            process.destroy();
        }
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        LOG.info(
                "Embedded PostgreSQL stopped in {} ms",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    // ------------------------------------------------------------------ helpers

    /** {@code pg_ctl stop -m fast}: disconnects the clients, writes a checkpoint, exits; waits for it. */
    private void pgCtlStop() throws IOException {
        run(
                binaries.command(
                        "pg_ctl",
                        List.of(
                                "stop",
                                "-D",
                                dataDirectory.toString(),
                                "-m",
                                "fast",
                                "-w",
                                "-t",
                                Long.toString(STOP_TIMEOUT.toSeconds()))),
                "pg_ctl stop",
                STOP_TIMEOUT.plusSeconds(5));
    }

    /** Runs a PostgreSQL tool to completion; its output goes to the log; a non-zero exit is an exception. */
    private void run(List<String> command, String name, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                LOG.debug("{}: {}", name, line);
            }
        }
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(name + " did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException(name + " interrupted", e);
        }
        if (process.exitValue() != 0) {
            String last =
                    output.isEmpty() ? "" : ": " + output.get(output.size() - 1).strip();
            throw new IOException(name + " failed with status " + process.exitValue() + last);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
