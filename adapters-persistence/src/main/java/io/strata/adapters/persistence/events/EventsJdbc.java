package io.strata.adapters.persistence.events;

import io.strata.adapters.persistence.shared.PlainReads;
import io.strata.domain.events.OutboxEvent;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Plain JDBC on the connection of the caller's transaction (the relay's steps and the admin use cases own it; see
 * {@code RelaySteps}), for what JPA has no words for: xid8 columns, snapshots, {@code UPDATE ... FROM ... RETURNING}
 * with {@code SKIP LOCKED}. No aggregates live here: the statements run on {@link PlainReads}' transaction, with or
 * without a Hibernate session, so the feed's reads and the relay's steps ({@code @Rerunnable}) need none.
 */
@Singleton
class EventsJdbc {
    private final EntityManager entityManager;

    EventsJdbc(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Runs {@code work} on the connection of the transaction in progress (the adapters carry {@code @JoinsTransaction}),
     * with or without a Hibernate session ({@link PlainReads.Statements#work}).
     */
    <T> T run(PlainReads.ConnectionWork<T> work) {
        return PlainReads.statements(entityManager).work(work);
    }

    /**
     * Runs one statement in the transaction in progress, with or without a Hibernate session ({@link PlainReads}):
     * what a read-only use case reads here (the backlog the health check and the metrics ask for) runs on the plain
     * read transaction instead of being run again in a session.
     */
    <T> T query(String sql, PlainReads.Parameters parameters, PlainReads.Reader<T> reader) {
        return PlainReads.statements(entityManager).query(sql, parameters, reader);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static final String EVENT_COLUMNS =
            "e.position, e.event_id, e.aggregate_type, e.aggregate_id, e.sequence, e.event_type, e.payload::text "
                    + "AS payload, e.occurred_at";

    static OutboxEvent event(ResultSet row) throws SQLException {
        return new OutboxEvent(
                row.getLong("position"),
                row.getObject("event_id", UUID.class),
                row.getString("aggregate_type"),
                row.getObject("aggregate_id", UUID.class),
                row.getLong("sequence"),
                row.getString("event_type"),
                row.getString("payload"),
                instant(row, "occurred_at"));
    }
}
