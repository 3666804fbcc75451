package io.strata.adapters.persistence.shared;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.value.IsoInstants;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox's write side: appends domain events to the {@code events} table in the caller's transaction, so an
 * event is committed exactly when the change that recorded it is. One {@code INSERT ... SELECT FROM unnest(...)}
 * per call, whatever the number of events and aggregates (per {@value #CHUNK} events on the bulk paths); a single
 * event, the common case, is one {@code INSERT ... VALUES}.
 * PostgreSQL fills in the rest: {@code position} (identity) and {@code txid} ({@code pg_current_xact_id()}).
 *
 * <p>Per-aggregate sequence numbers (1, 2, ... per aggregate, unique with it) are counted on from the aggregate's
 * last stored event, read in the same statement. That is safe because every path that appends events of an
 * existing aggregate has written (and so locked) the aggregate's row earlier in the transaction: a concurrent
 * writer of the same aggregate waits for the row lock until this transaction ends, and its own append, a later
 * statement, then sees these events (READ COMMITTED takes a snapshot per statement). A new aggregate starts at 1
 * with no read. The unique key {@code events_aggregate_sequence_uk} turns a path that forgot the lock into an
 * error rather than a duplicate.
 *
 * <p>Only {@link AggregateWrites} calls this: adapters store aggregates there, and their events come along, after
 * the aggregate's rows were flushed. The statement runs on the transaction's connection, through Hibernate's JDBC
 * coordinator or a {@link JdbcTransaction} ({@link PlainReads#statements}): counted in Hibernate's statistics,
 * logged when slow, its errors converted as Hibernate's own (a duplicate sequence is still a constraint violation),
 * but without a native query's interpretation, parameter typing and auto-flush, which the benchmark's profile of
 * {@code POST .../tasks} showed to be two thirds of the append's CPU. {@code events} is no entity, so no flush is owed to it.
 */
final class Outbox {
    /** Events per statement on the bulk paths (seed): bounded bind arrays. */
    static final int CHUNK = 1024;

    /** The events one aggregate recorded, oldest first. */
    record Stream(Class<?> aggregateType, UUID aggregateId, List<DomainEvent> events) {}

    private static final String INSERT = """
            INSERT INTO events (event_id, aggregate_type, aggregate_id, sequence, event_type, payload, occurred_at)
            SELECT e.event_id, e.aggregate_type, e.aggregate_id, %s + e.ordinal, e.event_type,
                   cast(e.payload AS jsonb), e.occurred_at
            FROM unnest(cast(? AS uuid[]), cast(? AS text[]), cast(? AS uuid[]), cast(? AS integer[]),
                        cast(? AS text[]), cast(? AS text[]), cast(cast(? AS text[]) AS timestamptz[]))
                 WITH ORDINALITY AS e(event_id, aggregate_type, aggregate_id, ordinal, event_type, payload,
                                      occurred_at, n)
            ORDER BY e.n""";

    /** New aggregates: their first event is 1. */
    private static final String APPEND_TO_NEW = INSERT.formatted("0");

    /** Existing aggregates: on from the last stored event (the index of events_aggregate_sequence_uk, backwards). */
    private static final String APPEND = INSERT.formatted("""
            coalesce((SELECT max(s.sequence) FROM events s
                      WHERE s.aggregate_type = e.aggregate_type AND s.aggregate_id = e.aggregate_id), 0)""");

    /**
     * One event, the common case (a use case changes one aggregate once): the row's values bound as they are. The
     * arrays of the statement above cost the JVM ~3% of the CPU of {@code POST /projects/{id}/tasks} (seven
     * {@code createArrayOf}, {@code bench/run profile task}); PostgreSQL's side did not tell the two forms apart.
     */
    private static final String INSERT_ONE = """
            INSERT INTO events (event_id, aggregate_type, aggregate_id, sequence, event_type, payload, occurred_at)
            VALUES (?, ?, ?, %s, ?, cast(? AS jsonb), cast(? AS timestamptz))""";

    /** One event of a new aggregate: its first. */
    private static final String APPEND_ONE_TO_NEW = INSERT_ONE.formatted("1");

    /** One event of an existing aggregate: the one after its last stored event. */
    private static final String APPEND_ONE = INSERT_ONE.formatted("""
            coalesce((SELECT max(s.sequence) FROM events s
                      WHERE s.aggregate_type = ? AND s.aggregate_id = ?), 0) + 1""");

    private Outbox() {}

    /**
     * Appends every stream's events, streams in order, each stream's events in order; nothing when there are none.
     *
     * @param newAggregates true when every aggregate was inserted in this transaction (sequences start at 1)
     */
    static void append(EntityManager entityManager, List<Stream> streams, boolean newAggregates) {
        List<Stream> chunk = new ArrayList<>();
        int size = 0;
        for (Stream stream : streams) {
            if (stream.events().isEmpty()) {
                continue;
            }
            if (size > 0 && size + stream.events().size() > CHUNK) {
                insert(entityManager, chunk, size, newAggregates);
                chunk.clear();
                size = 0;
            }
            chunk.add(stream);
            size += stream.events().size();
        }
        if (size > 0) {
            insert(entityManager, chunk, size, newAggregates);
        }
    }

    private static void insert(EntityManager entityManager, List<Stream> streams, int size, boolean newAggregates) {
        if (size == 1) {
            insertOne(entityManager, streams.get(0), newAggregates);
            return;
        }
        UUID[] eventIds = new UUID[size];
        String[] aggregateTypes = new String[size];
        UUID[] aggregateIds = new UUID[size];
        Integer[] ordinals = new Integer[size];
        String[] eventTypes = new String[size];
        String[] payloads = new String[size];
        String[] occurredAts = new String[size];
        int i = 0;
        for (Stream stream : streams) {
            String aggregateType = EventJson.typeName(stream.aggregateType());
            int ordinal = 0;
            for (DomainEvent event : stream.events()) {
                eventIds[i] = UUID.randomUUID();
                aggregateTypes[i] = aggregateType;
                aggregateIds[i] = stream.aggregateId();
                ordinals[i] = ++ordinal;
                eventTypes[i] = EventJson.typeName(event.getClass());
                payloads[i] = EventJson.payload(event);
                occurredAts[i] = IsoInstants.text(event.occurredAt());
                i++;
            }
        }
        PlainReads.statements(entityManager).update(newAggregates ? APPEND_TO_NEW : APPEND, statement -> {
            Connection connection = statement.getConnection();
            OutboxCommits.appended(connection); // its commit wakes the relay
            statement.setArray(1, connection.createArrayOf("uuid", eventIds));
            statement.setArray(2, connection.createArrayOf("text", aggregateTypes));
            statement.setArray(3, connection.createArrayOf("uuid", aggregateIds));
            statement.setArray(4, connection.createArrayOf("int4", ordinals));
            statement.setArray(5, connection.createArrayOf("text", eventTypes));
            statement.setArray(6, connection.createArrayOf("text", payloads));
            statement.setArray(7, connection.createArrayOf("text", occurredAts));
        });
    }

    private static void insertOne(EntityManager entityManager, Stream stream, boolean newAggregate) {
        DomainEvent event = stream.events().get(0);
        String aggregateType = EventJson.typeName(stream.aggregateType());
        UUID eventId = UUID.randomUUID();
        String eventType = EventJson.typeName(event.getClass());
        String payload = EventJson.payload(event);
        PlainReads.statements(entityManager).update(newAggregate ? APPEND_ONE_TO_NEW : APPEND_ONE, statement -> {
            OutboxCommits.appended(statement.getConnection()); // its commit wakes the relay
            int i = 1;
            statement.setObject(i++, eventId);
            statement.setString(i++, aggregateType);
            statement.setObject(i++, stream.aggregateId());
            if (!newAggregate) {
                statement.setString(i++, aggregateType);
                statement.setObject(i++, stream.aggregateId());
            }
            statement.setString(i++, eventType);
            statement.setString(i++, payload);
            PlainReads.setInstant(statement, i, event.occurredAt());
        });
    }
}
