package io.strata.bootstrap.database;

import io.strata.bootstrap.config.DatabaseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strata's schema, versioned: Flyway's SQL migrations ({@code db/migration/V<n>__<context>_<what>.sql}) and, for
 * each, a tested rollback script ({@code db/rollback/U<n>__<same name>.sql}). What {@code serve}, the {@code db}
 * commands and the admin endpoint share:
 * <ul>
 *   <li>{@link #migrate()}: Flyway's migrate, under Strata's schema lock (a PostgreSQL advisory lock held by one
 *       connection for the whole operation), so several instances starting at once against one empty database
 *       migrate it once: the first applies, the others wait, then find nothing pending.</li>
 *   <li>{@link #info()}, {@link #history()}: the applied, pending and rolled-back versions.</li>
 *   <li>{@link #rollback}: runs the rollback scripts of the newest versions, newest first, in one transaction under
 *       the same lock; refused (nothing done) when a version in the range has no script, or failed.</li>
 *   <li>{@link #validate()}: Flyway's validate (applied scripts unchanged, none missing), as findings.</li>
 * </ul>
 * Everything runs as the schema owner ({@code STRATA_DB_URL}'s user, or the embedded superuser), never as the
 * application role. Rollbacks are recorded in {@value #ROLLBACK_TABLE} (Flyway forgets a version once its row is
 * deleted), so {@link #history()} shows them.
 */
public final class SchemaMigrations {

    public static final String MIGRATIONS = "db/migration";
    public static final String ROLLBACKS = "db/rollback";
    /** Flyway's bookkeeping table. */
    public static final String HISTORY_TABLE = "flyway_schema_history";
    /** Strata's record of rollbacks (created by the first rollback). */
    public static final String ROLLBACK_TABLE = "strata_schema_rollbacks";
    /** The key of Strata's schema lock ({@code pg_advisory_lock}): "Strata" in ASCII, then 1. */
    static final long SCHEMA_LOCK = 0x5374726174610001L;

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private final DataSource owner;
    private final String migrations;
    private final String rollbacks;
    private final ClassLoader classLoader;

    public SchemaMigrations(DatabaseSettings owner) {
        this(owner.dataSource("strata-schema"), MIGRATIONS, ROLLBACKS);
    }

    /** With other script folders on the class path (tests). */
    public SchemaMigrations(DatabaseSettings owner, String migrations, String rollbacks) {
        this(owner.dataSource("strata-schema"), migrations, rollbacks);
    }

    /**
     * On any data source: the schema owner's for changes; the application's pool is enough for {@link #info()} and
     * {@link #history()} (they only read).
     */
    public SchemaMigrations(DataSource owner, String migrations, String rollbacks) {
        this.owner = owner;
        this.migrations = migrations;
        this.rollbacks = rollbacks;
        this.classLoader = SchemaMigrations.class.getClassLoader();
    }

    /**
     * Starts reading this Strata's scripts in {@code migrations} aside (a start calls it before it opens the database);
     * the next {@link #migrateIfBehind} of that folder uses what was read.
     */
    public static void readScriptsAhead(String migrations) {
        MigrationScripts.readAhead(SchemaMigrations.class.getClassLoader(), migrations);
    }

    /** A version as the commands show it. */
    public record Version(String version, String description, String script, int executionMs) {
        public String label() {
            return "V" + version + " " + description;
        }
    }

    /** One versioned migration, applied or not. */
    public record Entry(
            String version,
            String description,
            String script,
            String state,
            Instant installedOn,
            String installedBy,
            Integer executionMs,
            Optional<String> rollbackScript) {
        public boolean applied() {
            return installedOn != null && !state.equals("pending");
        }
    }

    /** The schema's state: current version, applied and pending migrations. */
    public record Status(String currentVersion, String currentDescription, String latestKnown, List<Entry> migrations) {
        public List<Entry> pending() {
            return migrations.stream().filter(e -> e.state().equals("pending")).toList();
        }

        public List<Entry> applied() {
            return migrations.stream().filter(Entry::applied).toList();
        }

        public List<Entry> failed() {
            return migrations.stream().filter(e -> e.state().equals("failed")).toList();
        }
    }

    /** One line of {@link #history()}: an applied (or failed) migration, or a rollback. */
    public record HistoryEntry(
            Instant at, String event, String version, String description, String by, Integer executionMs) {}

    /** What one {@link #migrate()} did. */
    public record Migrated(String from, String to, List<Version> applied, Duration took) {}

    /** What one {@link #rollback} did. */
    public record RolledBack(String from, String to, List<Version> rolledBack, Duration took) {}

    /** A rollback that cannot or did not run; nothing was changed. */
    public static final class RollbackRefused extends RuntimeException {
        public RollbackRefused(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------ Flyway

    private final java.util.Map<String, Flyway> flyways = new java.util.concurrent.ConcurrentHashMap<>();

    /** Flyway on the owner's connection; {@code target} null = latest. Built once per target (it scans the class path). */
    public Flyway flyway(String target) {
        return flyways.computeIfAbsent(target == null ? "" : target, key -> load(target));
    }

    private Flyway load(String target) {
        var configuration = Flyway.configure(classLoader)
                .dataSource(owner)
                .locations("classpath:" + migrations)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                // each bounded context owns a range of versions (V10-19, V20-29, ...) and they land independently: a
                // database already at V60 must still take a context's V11 when it arrives, instead of refusing it
                .outOfOrder(true)
                .connectRetries(0);
        if (target != null) {
            configuration.target(MigrationVersion.fromVersion(target));
        }
        return configuration.load();
    }

    /** Applies every pending migration (under the schema lock). */
    public Migrated migrate() {
        return migrate(null);
    }

    /**
     * What {@code serve} and {@code db seed} do on every start: nothing when the schema already is exactly this
     * Strata's ({@link #currentIfUpToDate()}, one query, no Flyway), else {@link #migrate()} (Flyway's validate and
     * migrate, under the schema lock). Flyway alone loads about a thousand classes and validates every script: a
     * second or more of a start that has nothing to migrate.
     */
    public Migrated migrateIfBehind() {
        long started = System.nanoTime();
        Optional<String> current = currentIfUpToDate();
        if (current.isEmpty()) {
            return migrate();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(
                "Schema is at version {} with every migration of this Strata applied and unchanged: nothing to migrate ({} ms)",
                current.get(),
                took.toMillis());
        return new Migrated(current.get(), current.get(), List.of(), took);
    }

    /**
     * The current version when Flyway's history holds exactly this Strata's migrations, each applied successfully
     * with the same version, description, script and checksum as its file on the class path, and nothing else;
     * empty in any other case (pending or failed versions, a changed or unknown script, a file that is not a
     * {@code V<n>__<what>.sql}, no history yet, an error), which is {@link #migrate()}'s to apply or report. Reads
     * without the lock: a schema that already matches has nothing another instance could still add for this Strata.
     */
    public Optional<String> currentIfUpToDate() {
        Map<String, MigrationScripts.Script> scripts = MigrationScripts.list(classLoader, migrations);
        if (scripts == null || scripts.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = owner.getConnection()) {
            if (!exists(connection, HISTORY_TABLE)) {
                return Optional.empty();
            }
            Map<String, MigrationScripts.Script> unmatched = new java.util.HashMap<>(scripts);
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT version, description, type, script, checksum, success FROM " + HISTORY_TABLE)) {
                while (rs.next()) {
                    MigrationScripts.Script script = rs.getString(1) == null ? null : unmatched.remove(rs.getString(1));
                    int checksum = rs.getInt(5);
                    if (script == null
                            || rs.wasNull()
                            || !rs.getBoolean(6)
                            || !"SQL".equals(rs.getString(3))
                            || !script.description().equals(rs.getString(2))
                            || !script.name().equals(rs.getString(4))
                            || script.checksum() != checksum) {
                        return Optional.empty();
                    }
                }
            }
            return unmatched.isEmpty()
                    ? scripts.keySet().stream().max(MigrationScripts.VERSION_ORDER)
                    : Optional.empty();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Cannot compare the schema history with this Strata's migrations: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Applies the pending migrations up to {@code target} (null: all), under the schema lock. */
    public Migrated migrate(String target) {
        long started = System.nanoTime();
        try (SchemaLock ignored = SchemaLock.acquire(owner)) {
            MigrateResult result = migrateOrExplain(target);
            List<Version> applied = new ArrayList<>();
            for (MigrateOutput output : result.migrations) {
                applied.add(new Version(output.version, output.description, output.filepath, output.executionTime));
            }
            return new Migrated(
                    result.initialSchemaVersion,
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    applied,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Flyway's migrate. Row-level security's helper functions read as SYSTEM through a {@code SET strata.role}
     * clause, which only a superuser, or a role granted SET on that (custom) parameter, may create: a schema owner
     * without it is told the grant.
     */
    private MigrateResult migrateOrExplain(String target) {
        try {
            return flyway(target).migrate();
        } catch (FlywayException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t.getMessage() != null && t.getMessage().contains("permission denied to set parameter \"strata.")) {
                    throw new FlywayException(
                            "the schema owner is not a superuser and may not set strata.role, which row-level "
                                    + "security's functions set: as a superuser, run GRANT SET ON PARAMETER "
                                    + "strata.role TO <the owner> (PostgreSQL 15 or later), then migrate again ("
                                    + oneLine(t.getMessage()) + ")",
                            e);
                }
            }
            throw e;
        }
    }

    /** Flyway's validate: each problem as one line (empty when the applied scripts match the code's). */
    public List<String> validate() {
        ValidateResult result = flyway(null).validateWithResult();
        List<String> findings = new ArrayList<>();
        if (result.validationSuccessful) {
            return findings;
        }
        for (ValidateOutput invalid : result.invalidMigrations) {
            String message = invalid.errorDetails == null ? "invalid" : invalid.errorDetails.errorMessage;
            findings.add("migration "
                    + (invalid.version == null || invalid.version.isEmpty()
                            ? invalid.description
                            : "V" + invalid.version)
                    + ": " + oneLine(message));
        }
        if (findings.isEmpty() && result.errorDetails != null) {
            findings.add(oneLine(result.errorDetails.errorMessage));
        }
        return findings;
    }

    /** The schema's state (no lock: a read). */
    public Status info() {
        org.flywaydb.core.api.MigrationInfoService service = flyway(null).info();
        MigrationInfo[] all = service.all();
        List<Entry> entries = new ArrayList<>();
        String latest = null;
        for (MigrationInfo info : all) {
            if (!info.isVersioned() || info.getVersion() == null) {
                continue;
            }
            if (info.getState() != MigrationState.FUTURE_SUCCESS && info.getState() != MigrationState.FUTURE_FAILED) {
                latest = info.getVersion().getVersion();
            }
            entries.add(new Entry(
                    info.getVersion().getVersion(),
                    info.getDescription(),
                    info.getScript(),
                    state(info.getState()),
                    info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant(),
                    info.getInstalledBy(),
                    info.getExecutionTime(),
                    rollbackScript(info.getScript())));
        }
        MigrationInfo current = service.current();
        return new Status(
                current == null || current.getVersion() == null
                        ? null
                        : current.getVersion().getVersion(),
                current == null ? null : current.getDescription(),
                latest,
                entries);
    }

    private static String state(MigrationState state) {
        return switch (state) {
            case PENDING, ABOVE_TARGET -> "pending";
            case SUCCESS, BASELINE, OUT_OF_ORDER -> "applied";
            case FAILED, FUTURE_FAILED, MISSING_FAILED -> "failed";
            case MISSING_SUCCESS -> "missing"; // applied, but this Strata does not have its script
            case FUTURE_SUCCESS -> "future"; // applied by a newer Strata
            default -> state.getDisplayName().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Migrations and rollbacks in the order they happened. */
    public List<HistoryEntry> history() {
        List<HistoryEntry> entries = new ArrayList<>();
        try (Connection connection = owner.getConnection()) {
            if (exists(connection, HISTORY_TABLE)) {
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery(
                                "SELECT installed_on, success, version, description, installed_by, "
                                        + "execution_time FROM " + HISTORY_TABLE
                                        + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
                    while (rs.next()) {
                        entries.add(new HistoryEntry(
                                rs.getTimestamp(1).toInstant(),
                                rs.getBoolean(2) ? "applied" : "failed",
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getInt(6)));
                    }
                }
            }
            if (exists(connection, ROLLBACK_TABLE)) {
                try (Statement statement = connection.createStatement();
                        ResultSet rs =
                                statement.executeQuery("SELECT rolled_back_at, version, description, rolled_back_by, "
                                        + "execution_time, applied_at, applied_by, applied_ms FROM " + ROLLBACK_TABLE
                                        + " ORDER BY id")) {
                    while (rs.next()) {
                        // Flyway forgot the version when it was rolled back: its application is remembered here
                        entries.add(new HistoryEntry(
                                rs.getTimestamp(6).toInstant(),
                                "applied",
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(7),
                                rs.getInt(8)));
                        entries.add(new HistoryEntry(
                                rs.getTimestamp(1).toInstant(),
                                "rolled back",
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getInt(5)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema history: " + e.getMessage(), e);
        }
        entries.sort(Comparator.comparing(HistoryEntry::at)); // stable: an application stays before its rollback
        return entries;
    }

    // ------------------------------------------------------------------ rollback

    /** Rolls back the {@code steps} newest applied versions. */
    public RolledBack rollbackSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1");
        }
        return rollback(applied -> applied.size() < steps ? null : applied.subList(0, steps), steps + " step(s)");
    }

    /** Rolls back every applied version above {@code target} ({@code 0}: all of them). */
    public RolledBack rollbackTo(String target) {
        MigrationVersion to = MigrationVersion.fromVersion(target);
        return rollback(
                applied -> applied.stream()
                        .filter(e -> MigrationVersion.fromVersion(e.version()).compareTo(to) > 0)
                        .toList(),
                "to version " + target);
    }

    private interface Selection {
        /** The entries to undo, newest first, from the applied ones (newest first); null when there are too few. */
        List<Entry> select(List<Entry> appliedNewestFirst);
    }

    private RolledBack rollback(Selection selection, String what) {
        long started = System.nanoTime();
        try (SchemaLock lock = SchemaLock.acquire(owner)) {
            // Flyway's own history, read directly: cheaper than Flyway's info, and it is what a rollback must undo
            List<Entry> history;
            try (Connection connection = lock.connection()) {
                history = appliedHistory(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the schema history: " + oneLine(e.getMessage()), e);
            }
            String current = history.stream()
                    .filter(e -> e.state().equals("applied"))
                    .max(Comparator.comparing((Entry e) -> MigrationVersion.fromVersion(e.version())))
                    .map(Entry::version)
                    .orElse(null);
            List<Entry> failed =
                    history.stream().filter(e -> e.state().equals("failed")).toList();
            if (!failed.isEmpty()) {
                throw new RollbackRefused("cannot roll back " + what + ": V"
                        + failed.get(0).version() + " " + failed.get(0).description()
                        + " failed; repair it by hand first (nothing was rolled back)");
            }
            List<Entry> applied = new ArrayList<>(history);
            applied.sort(Comparator.comparing((Entry e) -> MigrationVersion.fromVersion(e.version()))
                    .reversed());
            List<Entry> undo = selection.select(applied);
            if (undo == null) {
                throw new RollbackRefused("cannot roll back " + what + ": only " + applied.size()
                        + " version(s) are applied (nothing was rolled back)");
            }
            if (undo.isEmpty()) {
                return new RolledBack(current, current, List.of(), Duration.ofNanos(System.nanoTime() - started));
            }
            List<String> scripts = new ArrayList<>();
            for (Entry entry : undo) {
                if (entry.rollbackScript().isEmpty()) {
                    throw new RollbackRefused(
                            "cannot roll back " + what + ": V" + entry.version() + " " + entry.description()
                                    + " has no rollback script"
                                    + (entry.script() == null ? "" : " (" + rollbackName(entry.script()) + ")")
                                    + " in this Strata; nothing was rolled back");
                }
                scripts.add(read(entry.rollbackScript().get()));
            }
            List<Version> done = new ArrayList<>();
            try (Connection connection = lock.connection()) {
                connection.setAutoCommit(false);
                try {
                    ensureRollbackTable(connection);
                    for (int i = 0; i < undo.size(); i++) {
                        Entry entry = undo.get(i);
                        long stepStarted = System.nanoTime();
                        try (Statement statement = connection.createStatement()) {
                            statement.execute(scripts.get(i));
                        } catch (SQLException e) {
                            throw new RollbackRefused(
                                    "rollback of V" + entry.version() + " " + entry.description() + " ("
                                            + entry.rollbackScript().get() + ") failed: " + oneLine(e.getMessage())
                                            + "; nothing was rolled back");
                        }
                        int ms = (int) Duration.ofNanos(System.nanoTime() - stepStarted)
                                .toMillis();
                        try (PreparedStatement forget = connection.prepareStatement(
                                        "DELETE FROM " + HISTORY_TABLE + " WHERE version = ?");
                                PreparedStatement record = connection.prepareStatement("INSERT INTO " + ROLLBACK_TABLE
                                        + " (version, description, script, execution_time, applied_at, applied_by, applied_ms) "
                                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                            forget.setString(1, entry.version());
                            forget.executeUpdate();
                            record.setString(1, entry.version());
                            record.setString(2, entry.description());
                            record.setString(3, entry.rollbackScript().get());
                            record.setInt(4, ms);
                            record.setTimestamp(5, java.sql.Timestamp.from(entry.installedOn()));
                            record.setString(6, entry.installedBy());
                            record.setInt(7, entry.executionMs() == null ? 0 : entry.executionMs());
                            record.executeUpdate();
                        }
                        done.add(new Version(
                                entry.version(),
                                entry.description(),
                                entry.rollbackScript().get(),
                                ms));
                        LOG.info("Rolled back V{} {} ({} ms)", entry.version(), entry.description(), ms);
                    }
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("rollback failed: " + oneLine(e.getMessage()), e);
            }
            String after = applied.stream()
                    .filter(e -> !undo.contains(e))
                    .findFirst()
                    .map(Entry::version)
                    .orElse(null);
            return new RolledBack(current, after, done, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The versioned rows of Flyway's history (state applied or failed), with this Strata's rollback script of each. */
    private List<Entry> appliedHistory(Connection connection) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        if (!exists(connection, HISTORY_TABLE)) {
            return entries;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT version, description, script, success, installed_on, installed_by, "
                                + "execution_time FROM " + HISTORY_TABLE
                                + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                entries.add(new Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4) ? "applied" : "failed",
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        rs.getInt(7),
                        rollbackScript(rs.getString(3))));
            }
        }
        return entries;
    }

    private static void ensureRollbackTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + ROLLBACK_TABLE + " ("
                    + "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "version text NOT NULL, description text NOT NULL, script text NOT NULL, "
                    + "rolled_back_at timestamptz NOT NULL DEFAULT now(), "
                    + "rolled_back_by text NOT NULL DEFAULT current_user, "
                    + "execution_time integer NOT NULL, "
                    + "applied_at timestamptz NOT NULL, applied_by text NOT NULL, applied_ms integer NOT NULL)");
        }
    }

    /** {@code V3__workspace_projects_tasks.sql} -> {@code U3__workspace_projects_tasks.sql}. */
    static String rollbackName(String script) {
        String file = script.substring(script.lastIndexOf('/') + 1);
        return "U" + file.substring(1);
    }

    /** The class-path resource of the rollback of {@code script}, if this Strata has one. */
    public Optional<String> rollbackScript(String script) {
        if (script == null || !script.startsWith("V")) {
            return Optional.empty();
        }
        String resource = rollbacks + "/" + rollbackName(script);
        return classLoader.getResource(resource) == null ? Optional.empty() : Optional.of(resource);
    }

    private String read(String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Strata's schema lock: a session-level advisory lock on its own connection, held while the schema changes
     * (migrate, rollback, reset, restore). A second holder waits; the wait is logged.
     */
    public static final class SchemaLock implements AutoCloseable {
        private final Connection connection;

        private SchemaLock(Connection connection) {
            this.connection = connection;
        }

        public static SchemaLock acquire(DatabaseSettings owner) {
            return acquire(owner.dataSource("strata-schema-lock"));
        }

        public static SchemaLock acquire(DataSource owner) {
            Connection connection = null;
            try {
                connection = owner.getConnection();
                try (PreparedStatement tryLock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    tryLock.setLong(1, SCHEMA_LOCK);
                    try (ResultSet rs = tryLock.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            LOG.info("Another Strata is changing the schema; waiting for it to finish");
                            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                                lock.setLong(1, SCHEMA_LOCK);
                                lock.execute();
                            }
                        }
                    }
                }
                return new SchemaLock(connection);
            } catch (SQLException e) {
                closeQuietly(connection);
                throw new IllegalStateException("cannot take the schema lock: " + oneLine(e.getMessage()), e);
            }
        }

        /** The lock's own connection (for work that must happen while it is held). */
        public Connection connection() {
            return new UnclosableConnection(connection).proxy();
        }

        @Override
        public void close() {
            closeQuietly(connection); // a session-level advisory lock ends with its session
        }

        private static void closeQuietly(Connection connection) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the lock goes with the session
                }
            }
        }
    }

    /** A view of a connection whose {@code close()} does nothing (the lock closes it). */
    private record UnclosableConnection(Connection target) {
        Connection proxy() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            if (!target.getAutoCommit()) {
                                target.rollback();
                                target.setAutoCommit(true);
                            }
                            return null;
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
