package io.strata.adapters.persistence.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import io.strata.domain.events.OutboxEvent;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Plain JDBC on the pool for the relay: each call is its own short transaction, outside any use case's, so the
 * relay never holds a transaction while it calls a sink. (Hibernate adds nothing here: no aggregates, xid8 columns.)
 */
@Singleton
class EventsJdbc {
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    EventsJdbc(@Named("default") DataSource dataSource, @Nullable DataSourceResolver resolver) {
        this.dataSource = resolver != null ? resolver.resolve(dataSource) : dataSource;
    }

    /** Runs {@code work} in one transaction and commits it. */
    <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("event delivery store: " + e.getMessage(), e);
        }
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
