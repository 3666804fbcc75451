package io.strata.adapters.persistence.events;

import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.application.events.EventFeed;
import io.strata.domain.events.EventFeedPage;
import io.strata.domain.events.OutboxEvent;
import io.strata.domain.events.SinkId;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link EventFeed} over {@code events}: a page below the horizon in (txid, position) order, then the page's
 * delivery states in one more statement (two statements per page, whatever its size), in the caller's (read-only)
 * transaction.
 */
@Singleton
@JoinsTransaction
public class EventFeedPersistenceAdapter implements EventFeed {
    private final EventsJdbc jdbc;

    EventFeedPersistenceAdapter(EventsJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EventFeedPage page(EventFeedPage.Filter filter, EventFeedPage.Cursor after, int limit) {
        return jdbc.run(c -> {
            StringBuilder sql = new StringBuilder("SELECT ")
                    .append(EventsJdbc.EVENT_COLUMNS)
                    .append(", e.txid::text::bigint AS txid FROM events e ")
                    .append("WHERE e.txid < pg_snapshot_xmin(pg_current_snapshot())");
            List<Object> parameters = new ArrayList<>();
            if (after != null) {
                sql.append(" AND (e.txid, e.position) > (?::text::xid8, ?)");
                parameters.add(Long.toString(after.txid()));
                parameters.add(after.position());
            }
            if (filter.eventType() != null) {
                sql.append(" AND e.event_type = ?");
                parameters.add(filter.eventType());
            }
            if (filter.aggregateType() != null) {
                sql.append(" AND e.aggregate_type = ?");
                parameters.add(filter.aggregateType());
            }
            if (filter.aggregateId() != null) {
                sql.append(" AND e.aggregate_id = ?");
                parameters.add(filter.aggregateId());
            }
            if (filter.from() != null) {
                sql.append(" AND e.occurred_at >= ?");
                parameters.add(EventsJdbc.timestamp(filter.from()));
            }
            if (filter.to() != null) {
                sql.append(" AND e.occurred_at < ?");
                parameters.add(EventsJdbc.timestamp(filter.to()));
            }
            sql.append(" ORDER BY e.txid, e.position LIMIT ?");
            parameters.add(limit + 1);
            Map<Long, OutboxEvent> events = new LinkedHashMap<>();
            EventFeedPage.Cursor last = null;
            boolean more = false;
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        if (events.size() == limit) {
                            more = true;
                            break;
                        }
                        OutboxEvent event = EventsJdbc.event(row);
                        events.put(event.position(), event);
                        last = new EventFeedPage.Cursor(row.getLong("txid"), event.position());
                    }
                }
            }
            Map<Long, List<EventFeedPage.SinkState>> states = new LinkedHashMap<>();
            if (!events.isEmpty()) {
                try (PreparedStatement select = c.prepareStatement("""
                            SELECT d.position, d.sink_id, s.name, d.state, d.attempts, d.delivered_at
                            FROM event_deliveries d JOIN event_sinks s ON s.id = d.sink_id
                            WHERE d.position = ANY (?) ORDER BY s.name""")) {
                    select.setArray(1, c.createArrayOf("bigint", events.keySet().toArray()));
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            states.computeIfAbsent(row.getLong("position"), p -> new ArrayList<>())
                                    .add(new EventFeedPage.SinkState(
                                            new SinkId(row.getObject("sink_id", UUID.class)),
                                            row.getString("name"),
                                            row.getString("state"),
                                            row.getInt("attempts"),
                                            EventsJdbc.instant(row, "delivered_at")));
                        }
                    }
                }
            }
            List<EventFeedPage.Entry> items = new ArrayList<>(events.size());
            events.forEach((position, event) ->
                    items.add(new EventFeedPage.Entry(event, states.getOrDefault(position, List.of()))));
            return new EventFeedPage(items, last != null ? last : after, more);
        });
    }
}
