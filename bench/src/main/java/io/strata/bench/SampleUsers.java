package io.strata.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Sample users for the raw loaders (JDBC batching, row by row, COPY), shaped like the rows Strata's own seeding
 * writes: unique e-mail and username, mostly USER with some MANAGER, one shared argon2id hash (hashing per row
 * would measure argon2, not the database), strictly increasing created_at so keyset pages are realistic.
 */
final class SampleUsers {

    static final String COLUMNS = "id,email,username,first_name,last_name,password_hash,role,status,email_verified,"
            + "login_count,tags,preferences,version,created_at,updated_at,password_changed_at";
    private static final String INSERT = "INSERT INTO users (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?,?,?,?)";
    // a real argon2id hash of "sample password" (salt "sample-salt-bench"), the same length as those Strata stores
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FtcGxlLXNhbHQtYmVuY2g$yYoVfiLs11+oiwmzP2M73gp21OhCWSeNRsBKJU7QClE";
    private static final int COMMIT_EVERY = 5_000;
    // the event Strata's outbox writes with each new user (db seed included), in the same shape
    private static final String INSERT_EVENT = "INSERT INTO events (event_id, aggregate_type, aggregate_id, sequence, event_type, "
            + "payload, occurred_at) VALUES (?, 'identity.User', ?, 1, 'identity.UserRegistered', ?::jsonb, ?)";

    private final String prefix;
    private final Instant base;

    /** @param prefix distinguishes the rows of one load from any other (e-mails and usernames are unique) */
    SampleUsers(String prefix, Instant base) {
        this.prefix = prefix;
        this.base = base;
    }

    private String role(long i) {
        return i % 10 == 9 ? "MANAGER" : "USER";
    }

    private Instant createdAt(long i) {
        return base.plusMillis(i);
    }

    /** Raw JDBC batching: one prepared INSERT, executeBatch every {@code batchSize} rows (rewritten by pgjdbc into multi-row INSERTs). */
    long insertBatched(Connection connection, long from, long count, int batchSize) throws SQLException {
        return insert(connection, from, count, batchSize, false);
    }

    /**
     * Raw JDBC batching of what {@code ./strata db seed} writes: each user and its UserRegistered event (a second
     * prepared INSERT, batched alongside), in transactions of the same size.
     */
    long insertBatchedWithEvents(Connection connection, long from, long count, int batchSize) throws SQLException {
        return insert(connection, from, count, batchSize, true);
    }

    /** Row by row: the same INSERT executed once per row (what an ORM does without batching). */
    long insertRowByRow(Connection connection, long from, long count) throws SQLException {
        return insert(connection, from, count, 1, false);
    }

    private long insert(Connection connection, long from, long count, int batchSize, boolean events) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(INSERT);
                PreparedStatement event = connection.prepareStatement(INSERT_EVENT)) {
            for (long i = from; i < from + count; i++) {
                UUID id = bind(connection, insert, i);
                if (events) {
                    bindEvent(event, id, i);
                }
                if (batchSize == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                    if (events) {
                        event.addBatch();
                    }
                    if ((i - from + 1) % batchSize == 0) {
                        flush(insert, event, events);
                    }
                }
                if ((i - from + 1) % COMMIT_EVERY == 0) {
                    if (batchSize > 1) {
                        flush(insert, event, events);
                    }
                    connection.commit();
                }
            }
            if (batchSize > 1) {
                flush(insert, event, events);
            }
            connection.commit();
        }
        return count;
    }

    private static void flush(PreparedStatement insert, PreparedStatement event, boolean events) throws SQLException {
        insert.executeBatch();
        if (events) {
            event.executeBatch();
        }
    }

    private void bindEvent(PreparedStatement event, UUID id, long i) throws SQLException {
        Instant created = createdAt(i);
        event.setObject(1, UUID.randomUUID());
        event.setObject(2, id);
        event.setString(3, "{\"userId\":\"" + id + "\",\"email\":\"" + prefix + "-" + i + "@example.test\",\"username\":\""
                + prefix + "_" + i + "\",\"role\":\"" + role(i) + "\",\"occurredAt\":\"" + created + "\"}");
        event.setTimestamp(4, Timestamp.from(created));
    }

    private UUID bind(Connection connection, PreparedStatement insert, long i) throws SQLException {
        Timestamp created = Timestamp.from(createdAt(i));
        UUID id = UUID.randomUUID();
        insert.setObject(1, id);
        insert.setString(2, prefix + "-" + i + "@example.test");
        insert.setString(3, prefix + "_" + i);
        insert.setString(4, "Sample");
        insert.setString(5, "User " + i);
        insert.setString(6, HASH);
        insert.setString(7, role(i));
        insert.setString(8, "ACTIVE");
        insert.setBoolean(9, false);
        insert.setLong(10, 0);
        insert.setArray(11, connection.createArrayOf("text", i % 3 == 0 ? new String[]{"sample", "bench"} : new String[]{"sample"}));
        insert.setString(12, "{}");
        insert.setLong(13, 0);
        insert.setTimestamp(14, created);
        insert.setTimestamp(15, created);
        insert.setTimestamp(16, created);
        return id;
    }

    /** COPY ... FROM STDIN (text format), streamed in 256 KiB chunks. */
    long copy(Connection connection, long from, long count) throws SQLException {
        connection.setAutoCommit(false);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY users (" + COLUMNS + ") FROM STDIN");
        try {
            StringBuilder chunk = new StringBuilder(300_000);
            for (long i = from; i < from + count; i++) {
                String created = createdAt(i).toString();
                chunk.append(UUID.randomUUID()).append('\t')
                        .append(prefix).append('-').append(i).append("@example.test\t")
                        .append(prefix).append('_').append(i).append('\t')
                        .append("Sample\tUser ").append(i).append('\t')
                        .append(HASH).append('\t')
                        .append(role(i)).append("\tACTIVE\tf\t0\t")
                        .append(i % 3 == 0 ? "{sample,bench}" : "{sample}").append("\t{}\t0\t")
                        .append(created).append('\t').append(created).append('\t').append(created).append('\n');
                if (chunk.length() > 256_000) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        connection.commit();
        return count;
    }

    private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}
