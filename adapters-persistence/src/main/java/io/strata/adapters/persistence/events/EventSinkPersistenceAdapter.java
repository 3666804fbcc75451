package io.strata.adapters.persistence.events;

import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.domain.events.EventSink;
import io.strata.domain.events.EventSinkRepository;
import io.strata.domain.events.SinkId;
import io.strata.domain.events.SinkKind;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link EventSinkRepository} in {@code event_sinks}. Secrets are written here and read only by the relay. */
@Singleton
@JoinsTransaction
public class EventSinkPersistenceAdapter implements EventSinkRepository {
    private static final String COLUMNS = "id, name, kind, event_types, url, topic_prefix, username, timeout_ms, "
            + "enabled, disabled_reason, failing_since, version, created_at, updated_at";

    private final EventsJdbc jdbc;

    EventSinkPersistenceAdapter(EventsJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EventSink add(EventSink sink, String secret) {
        return jdbc.run(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO event_sinks (id, name, kind, event_types, url, topic_prefix, username, secret,
                        timeout_ms, enabled, cursor_txid, cursor_position, created_at, updated_at)
                    SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, true, pg_snapshot_xmin(pg_current_snapshot()), 0, ?, ?
                    ON CONFLICT (name) DO NOTHING""")) {
                insert.setObject(1, sink.id().value());
                insert.setString(2, sink.name());
                insert.setString(3, sink.kind().name());
                insert.setArray(4, c.createArrayOf("text", sink.eventTypes().toArray()));
                insert.setString(5, sink.url());
                insert.setString(6, sink.topicPrefix());
                insert.setString(7, sink.username());
                insert.setString(8, secret);
                insert.setInt(9, (int) sink.timeout().toMillis());
                insert.setTimestamp(10, EventsJdbc.timestamp(sink.createdAt()));
                insert.setTimestamp(11, EventsJdbc.timestamp(sink.updatedAt()));
                if (insert.executeUpdate() == 0) {
                    throw new ConflictException("an event sink named " + sink.name() + " exists already");
                }
            }
            return sink;
        });
    }

    @Override
    public Optional<EventSink> findById(SinkId id) {
        return jdbc.run(c -> {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM event_sinks WHERE id = ?")) {
                select.setObject(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(sink(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<EventSink> all() {
        return jdbc.run(c -> {
            try (PreparedStatement select =
                            c.prepareStatement("SELECT " + COLUMNS + " FROM event_sinks ORDER BY name");
                    ResultSet row = select.executeQuery()) {
                List<EventSink> sinks = new ArrayList<>();
                while (row.next()) {
                    sinks.add(sink(row));
                }
                return sinks;
            }
        });
    }

    @Override
    public EventSink changeEnabled(SinkId id, boolean enabled, String reason, Instant now) {
        update(
                "UPDATE event_sinks SET enabled = ?, disabled_reason = ?, failing_since = CASE WHEN ? THEN NULL "
                        + "ELSE failing_since END, version = version + 1, updated_at = ? WHERE id = ?",
                id,
                enabled,
                reason,
                enabled,
                EventsJdbc.timestamp(now));
        return findById(id).orElseThrow(() -> new NotFoundException("Event sink", id));
    }

    @Override
    public void rotateSecret(SinkId id, String secret, Instant previousUntil, Instant now) {
        update(
                "UPDATE event_sinks SET previous_secret = secret, previous_secret_until = ?, secret = ?, "
                        + "version = version + 1, updated_at = ? WHERE id = ?",
                id,
                EventsJdbc.timestamp(previousUntil),
                secret,
                EventsJdbc.timestamp(now));
    }

    @Override
    public List<String> secrets(SinkId id, Instant now) {
        return jdbc.run(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT secret, CASE WHEN previous_secret_until > ? THEN previous_secret END AS previous "
                            + "FROM event_sinks WHERE id = ?")) {
                select.setTimestamp(1, EventsJdbc.timestamp(now));
                select.setObject(2, id.value());
                try (ResultSet row = select.executeQuery()) {
                    List<String> secrets = new ArrayList<>(2);
                    if (row.next()) {
                        if (row.getString("secret") != null) {
                            secrets.add(row.getString("secret"));
                        }
                        if (row.getString("previous") != null) {
                            secrets.add(row.getString("previous"));
                        }
                    }
                    return secrets;
                }
            }
        });
    }

    @Override
    public void failingSince(SinkId id, Instant since) {
        update("UPDATE event_sinks SET failing_since = ? WHERE id = ?", id, EventsJdbc.timestamp(since));
    }

    @Override
    public void delete(SinkId id) {
        update("DELETE FROM event_sinks WHERE id = ?", id);
    }

    /** Runs an update whose last parameter is the sink's id. */
    private void update(String sql, SinkId id, Object... parameters) {
        jdbc.run(c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    update.setObject(i + 1, parameters[i]);
                }
                update.setObject(parameters.length + 1, id.value());
                return update.executeUpdate();
            }
        });
    }

    static EventSink sink(ResultSet row) throws SQLException {
        return new EventSink(
                new SinkId(row.getObject("id", UUID.class)),
                row.getString("name"),
                SinkKind.valueOf(row.getString("kind")),
                new LinkedHashSet<>(
                        Arrays.asList((String[]) row.getArray("event_types").getArray())),
                row.getString("url"),
                row.getString("topic_prefix"),
                row.getString("username"),
                Duration.ofMillis(row.getInt("timeout_ms")),
                row.getBoolean("enabled"),
                row.getString("disabled_reason"),
                EventsJdbc.instant(row, "failing_since"),
                row.getLong("version"),
                EventsJdbc.instant(row, "created_at"),
                EventsJdbc.instant(row, "updated_at"));
    }
}
