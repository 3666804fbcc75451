package io.strata.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** The data the load runs read and write, set up directly in PostgreSQL (set-up is not what is measured). */
final class Fixtures {

    private final BenchPostgres postgres;
    private final String database;
    private final Path dir;
    private final Instant base = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private int projectSets;

    Fixtures(BenchPostgres postgres, String database, Path dir) {
        this.postgres = postgres;
        this.database = database;
        this.dir = dir;
    }

    Connection connect() throws SQLException {
        return postgres.connect(database);
    }

    long userCount() throws SQLException {
        return longValue("SELECT count(*) FROM users");
    }

    long longValue(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Adds sample users by COPY until the table holds {@code target} rows, then ANALYZE and CHECKPOINT. */
    void growUsersTo(long target) throws SQLException {
        long current = userCount();
        if (current < target) {
            try (Connection c = connect()) {
                // the offset keeps created_at increasing across growth steps: new rows are the newest
                new SampleUsers("grow", base).copy(c, current, target - current);
            }
        }
        execute("ANALYZE users");
        execute("CHECKPOINT");
    }

    /** {@code n} ids of USER rows spread over the table. */
    List<String> userIds(int n) throws SQLException {
        // md5 of the id: a stable pseudo-random spread over the whole table
        return strings(n, "SELECT id::text FROM users WHERE role = 'USER' ORDER BY md5(id::text) LIMIT " + n);
    }

    private List<String> strings(int n, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        if (values.size() < n) {
            throw new BenchFailure("expected " + n + " rows from: " + sql);
        }
        return values;
    }

    /** (created_at, id) of the last row of each of the first {@code pages} pages of USER rows, newest first. */
    List<String[]> pageBoundaries(int pages, int pageSize) throws SQLException {
        List<String[]> boundaries = new ArrayList<>();
        String sql = "SELECT created_at::text, id::text FROM users WHERE role = 'USER' ORDER BY created_at DESC, id DESC LIMIT "
                + (long) pages * pageSize;
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int row = 0;
            while (rs.next()) {
                if (++row % pageSize == 0) {
                    boundaries.add(new String[]{rs.getString(1), rs.getString(2)});
                }
            }
        }
        return boundaries;
    }

    /**
     * {@code n} new projects owned by {@code ownerId}, who is their only member: the rows Strata itself writes for a
     * project created without tasks. A fresh set per create-task run keeps every run's per-project task counts equal.
     */
    List<String> newProjects(String ownerId, int n) throws SQLException {
        int set = ++projectSets;
        List<String> ids = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement project = c.prepareStatement("INSERT INTO projects (id,name,description,status,priority,owner_id,"
                    + "tags,task_count,completion,version,created_at,updated_at) VALUES (?,?,?,'ACTIVE','MEDIUM',?,'{bench}',0,0,0,?,?)");
                 PreparedStatement member = c.prepareStatement("INSERT INTO project_members (project_id,user_id) VALUES (?,?)")) {
                for (int i = 0; i < n; i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id.toString());
                    project.setObject(1, id);
                    project.setString(2, "bench project " + set + "-" + i);
                    project.setString(3, "a project the benchmark reads and writes");
                    project.setObject(4, UUID.fromString(ownerId));
                    project.setTimestamp(5, now);
                    project.setTimestamp(6, now);
                    project.addBatch();
                    member.setObject(1, id);
                    member.setObject(2, UUID.fromString(ownerId));
                    member.addBatch();
                }
                project.executeBatch();
                member.executeBatch();
            }
            c.commit();
        }
        return ids;
    }

    /** Current versions of the given projects, in the same order. */
    List<Long> projectVersions(List<String> ids) throws SQLException {
        List<Long> versions = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT version FROM projects WHERE id = ?::uuid")) {
            for (String id : ids) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    versions.add(rs.getLong(1));
                }
            }
        }
        return versions;
    }

    /** Writes one line per element to a file the Lua scripts read (BENCH_PATHS). */
    Path lines(String name, List<String> lines) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** EXPLAIN's plan nodes that read a table or index, e.g. "Index Scan Backward using users_created_at_id_ix". */
    String planOf(String sql, Object... parameters) throws SQLException {
        List<String> nodes = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String line = rs.getString(1).replaceAll("^[\\s->]+", "").replaceAll("\\s+\\(cost=.*", "");
                    if (line.contains("Scan")) {
                        nodes.add(line.replaceAll(" on \\S+", ""));
                    }
                }
            }
        }
        return String.join("; ", nodes);
    }

    static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
