package io.strata.adapters.persistence.events;

import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.application.events.DeliveryQueue;
import io.strata.domain.events.Delivery;
import io.strata.domain.events.DeliveryAttempt;
import io.strata.domain.events.LoggedAttempt;
import io.strata.domain.events.SinkBacklog;
import io.strata.domain.events.SinkId;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link DeliveryQueue} in {@code event_deliveries} and {@code event_delivery_attempts} (V10), read from the outbox
 * ({@code events}, V6).
 */
@Singleton
@JoinsTransaction
public class DeliveryQueuePersistenceAdapter implements DeliveryQueue {
    /**
     * One statement: lock the sink's cursor (a relay that finds it locked skips it: another one is copying), read the
     * next events after it below the horizon (the oldest transaction in flight: everything below has committed or
     * is gone for good), add the earlier events of the same aggregates that are still after the cursor (txid order
     * is not commit order: a transaction may write an aggregate after a younger one did, so its event can come
     * later in the outbox with a lower txid; both are below the horizon once the older has ended, and copying them
     * together keeps every aggregate's queue without gaps), queue those the sink wants, move the cursor.
     */
    private static final String ENQUEUE = """
            WITH s AS (SELECT id, cursor_txid, cursor_position, event_types FROM event_sinks
                       WHERE id = ? FOR NO KEY UPDATE SKIP LOCKED),
                 h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon),
                 head AS (SELECT e.position, e.txid, e.aggregate_type, e.aggregate_id, e.sequence, e.event_type
                          FROM events e, s, h
                          WHERE e.txid < h.horizon AND (e.txid, e.position) > (s.cursor_txid, s.cursor_position)
                          ORDER BY e.txid, e.position LIMIT ?),
                 earlier AS (SELECT e.position, e.txid, e.aggregate_type, e.aggregate_id, e.sequence, e.event_type
                             FROM (SELECT aggregate_type, aggregate_id, max(sequence) AS top FROM head
                                   GROUP BY aggregate_type, aggregate_id) a
                             JOIN events e ON e.aggregate_type = a.aggregate_type
                                          AND e.aggregate_id = a.aggregate_id AND e.sequence < a.top, s, h
                             WHERE e.txid < h.horizon AND (e.txid, e.position) > (s.cursor_txid, s.cursor_position)),
                 queued AS (INSERT INTO event_deliveries (sink_id, position, aggregate_type, aggregate_id, sequence)
                            SELECT s.id, x.position, x.aggregate_type, x.aggregate_id, x.sequence
                            FROM (SELECT * FROM head UNION SELECT * FROM earlier) x, s
                            WHERE cardinality(s.event_types) = 0 OR x.event_type = ANY (s.event_types)
                            ORDER BY x.position
                            ON CONFLICT DO NOTHING RETURNING 1),
                 moved AS (UPDATE event_sinks t SET cursor_txid = last.txid, cursor_position = last.position
                           FROM (SELECT txid, position FROM head ORDER BY txid DESC, position DESC LIMIT 1) last
                           WHERE t.id IN (SELECT id FROM s) RETURNING 1)
            SELECT (SELECT count(*) FROM head) AS read, (SELECT count(*) FROM queued) AS queued,
                   (SELECT count(*) FROM moved) AS moved""";

    /**
     * Due rows of the sink that no other relay holds (SKIP LOCKED) and whose lease, if any, has ended, each the
     * earliest pending of its aggregate; leased for the round trip, returned with their events.
     */
    private static final String LEASE = """
            UPDATE event_deliveries d SET lease_until = now() + ? * interval '1 millisecond'
            FROM (SELECT q.sink_id, q.position FROM event_deliveries q
                  WHERE q.sink_id = ? AND q.state = 'PENDING' AND q.next_attempt_at <= now()
                    AND (q.lease_until IS NULL OR q.lease_until < now())
                    AND NOT EXISTS (SELECT 1 FROM event_deliveries p
                                    WHERE p.sink_id = q.sink_id AND p.state = 'PENDING'
                                      AND p.aggregate_type = q.aggregate_type AND p.aggregate_id = q.aggregate_id
                                      AND p.sequence < q.sequence)
                  ORDER BY q.position LIMIT ? FOR UPDATE SKIP LOCKED) r, events e
            WHERE d.sink_id = r.sink_id AND d.position = r.position AND e.position = d.position
            RETURNING d.attempts, %s""".formatted(EventsJdbc.EVENT_COLUMNS);

    /**
     * A batch of outcomes in one statement: each delivery done ({@code DELIVERED}) or due again at its retry time,
     * unleased, its attempts counted; and every attempt logged, in the batch's order.
     */
    private static final String RECORD = """
            WITH o AS (SELECT * FROM unnest(?::bigint[], ?::boolean[], ?::text[]::timestamptz[], ?::text[]::timestamptz[],
                                            ?::integer[], ?::integer[], ?::text[])
                       WITH ORDINALITY AS o(position, succeeded, attempted_at, retry_at, status_code, latency_ms,
                                            response, n)),
                 done AS (UPDATE event_deliveries d
                          SET state = CASE WHEN o.succeeded THEN 'DELIVERED' ELSE d.state END,
                              attempts = d.attempts + 1,
                              delivered_at = CASE WHEN o.succeeded THEN o.attempted_at ELSE d.delivered_at END,
                              next_attempt_at = CASE WHEN o.succeeded THEN d.next_attempt_at ELSE o.retry_at END,
                              lease_until = NULL,
                              last_error = CASE WHEN o.succeeded THEN NULL ELSE o.response END
                          FROM o WHERE d.sink_id = ? AND d.position = o.position RETURNING 1)
            INSERT INTO event_delivery_attempts (sink_id, position, attempted_at, succeeded, status_code, latency_ms,
                                                 response)
            SELECT ?, o.position, o.attempted_at, o.succeeded, o.status_code, o.latency_ms, o.response
            FROM o ORDER BY o.n""";

    /** Each sink with its pending deliveries and the age of the oldest event it has not delivered yet. */
    private static final String BACKLOG = """
            SELECT s.id, s.name, s.kind, s.event_types, s.url, s.topic_prefix, s.username, s.timeout_ms,
                   s.enabled, s.disabled_reason, s.failing_since, s.version, s.created_at, s.updated_at,
                   (SELECT count(*) FROM event_deliveries d
                    WHERE d.sink_id = s.id AND d.state = 'PENDING') AS pending,
                   least((SELECT min(e.occurred_at) FROM event_deliveries d JOIN events e
                          ON e.position = d.position WHERE d.sink_id = s.id AND d.state = 'PENDING'),
                         (SELECT min(e.occurred_at) FROM events e
                          WHERE (e.txid, e.position) > (s.cursor_txid, s.cursor_position)
                            AND (cardinality(s.event_types) = 0
                                 OR e.event_type = ANY (s.event_types)))) AS oldest
            FROM event_sinks s ORDER BY s.name""";

    private final EventsJdbc jdbc;

    DeliveryQueuePersistenceAdapter(EventsJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int enqueue(SinkId sink, int limit) {
        return jdbc.run(c -> {
            try (PreparedStatement enqueue = c.prepareStatement(ENQUEUE)) {
                enqueue.setObject(1, sink.value());
                enqueue.setInt(2, limit);
                try (ResultSet row = enqueue.executeQuery()) {
                    row.next();
                    return row.getInt("read");
                }
            }
        });
    }

    @Override
    public List<Delivery> lease(SinkId sink, int limit, Duration lease) {
        return jdbc.run(c -> {
            try (PreparedStatement select = c.prepareStatement(LEASE)) {
                select.setLong(1, lease.toMillis());
                select.setObject(2, sink.value());
                select.setInt(3, limit);
                List<Delivery> deliveries = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        deliveries.add(new Delivery(sink, EventsJdbc.event(row), row.getInt("attempts")));
                    }
                }
                deliveries.sort(
                        (a, b) -> Long.compare(a.event().position(), b.event().position()));
                return deliveries;
            }
        });
    }

    @Override
    public void record(SinkId sink, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        int n = outcomes.size();
        Long[] positions = new Long[n];
        Boolean[] succeeded = new Boolean[n];
        String[] attemptedAt = new String[n]; // ISO instants, cast in SQL: no time zone on the way
        String[] retryAt = new String[n];
        Integer[] statusCodes = new Integer[n];
        Integer[] latencies = new Integer[n];
        String[] responses = new String[n];
        for (int i = 0; i < n; i++) {
            Outcome outcome = outcomes.get(i);
            DeliveryAttempt attempt = outcome.attempt();
            positions[i] = outcome.delivery().event().position();
            succeeded[i] = attempt.succeeded();
            attemptedAt[i] = attempt.at().toString();
            retryAt[i] = outcome.retryAt() == null ? null : outcome.retryAt().toString();
            statusCodes[i] = attempt.statusCode();
            latencies[i] = (int) Math.min(Integer.MAX_VALUE, attempt.latencyMillis());
            responses[i] = attempt.response();
        }
        jdbc.run(c -> {
            try (PreparedStatement record = c.prepareStatement(RECORD)) {
                record.setArray(1, c.createArrayOf("bigint", positions));
                record.setArray(2, c.createArrayOf("boolean", succeeded));
                record.setArray(3, c.createArrayOf("text", attemptedAt));
                record.setArray(4, c.createArrayOf("text", retryAt));
                record.setArray(5, c.createArrayOf("integer", statusCodes));
                record.setArray(6, c.createArrayOf("integer", latencies));
                record.setArray(7, c.createArrayOf("text", responses));
                record.setObject(8, sink.value());
                record.setObject(9, sink.value());
                record.execute();
            }
            return null;
        });
    }

    @Override
    public int redeliver(SinkId sink, long fromPosition, long toPosition) {
        return jdbc.run(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO event_deliveries (sink_id, position, aggregate_type, aggregate_id, sequence)
                    SELECT ?, e.position, e.aggregate_type, e.aggregate_id, e.sequence FROM events e
                    WHERE e.position BETWEEN ? AND ?
                      AND e.txid < pg_snapshot_xmin(pg_current_snapshot())
                    ON CONFLICT (sink_id, position) DO UPDATE
                    SET state = 'PENDING', next_attempt_at = now(), delivered_at = NULL, lease_until = NULL""")) {
                upsert.setObject(1, sink.value());
                upsert.setLong(2, fromPosition);
                upsert.setLong(3, toPosition);
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Long> positionOf(UUID eventId) {
        return jdbc.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT position FROM events WHERE event_id = ?")) {
                select.setObject(1, eventId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<SinkBacklog> backlog(Instant now) {
        return jdbc.query(BACKLOG, statement -> {}, row -> {
            List<SinkBacklog> backlog = new ArrayList<>();
            while (row.next()) {
                backlog.add(new SinkBacklog(
                        EventSinkPersistenceAdapter.sink(row),
                        row.getLong("pending"),
                        EventsJdbc.instant(row, "oldest")));
            }
            return backlog;
        });
    }

    @Override
    public List<LoggedAttempt> attempts(SinkId sink, int limit) {
        return jdbc.run(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT a.position, e.event_id, a.attempted_at, a.succeeded, a.status_code, a.latency_ms, a.response
                    FROM event_delivery_attempts a JOIN events e ON e.position = a.position
                    WHERE a.sink_id = ? ORDER BY a.id DESC LIMIT ?""")) {
                select.setObject(1, sink.value());
                select.setInt(2, limit);
                List<LoggedAttempt> attempts = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Integer status = row.getObject("status_code") == null ? null : row.getInt("status_code");
                        attempts.add(new LoggedAttempt(
                                row.getLong("position"),
                                row.getObject("event_id", UUID.class),
                                new DeliveryAttempt(
                                        EventsJdbc.instant(row, "attempted_at"),
                                        row.getBoolean("succeeded"),
                                        status,
                                        row.getLong("latency_ms"),
                                        row.getString("response"))));
                    }
                }
                return attempts;
            }
        });
    }
}
