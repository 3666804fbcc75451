package io.strata.bootstrap.community;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Shortcuts of the community HTTP tests: the guild's bot (a MANAGER), unique guild ids, concurrent calls. */
abstract class CommunityApiSupport extends IntegrationTest {
    static final String PATCH = "application/merge-patch+json";
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() & 0xffff_ffffL);

    private String botToken;

    /** The guild's bot: a MANAGER user's token. */
    String bot() {
        if (botToken == null) {
            botToken = api().newUser(adminToken(), "bot", "MANAGER").token();
        }
        return botToken;
    }

    static long newId() {
        return IDS.incrementAndGet();
    }

    static String guild(long guildId) {
        return "/api/v1/guilds/" + guildId;
    }

    Map<String, Object> member(long guildId, long userId, String username) {
        return api().put(guild(guildId) + "/members/" + userId)
                .token(bot())
                .json(Map.of("username", username))
                .send()
                .expect(200)
                .json();
    }

    /** An ordered map that accepts nulls. */
    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** The guild's events in the outbox, oldest first: {@code type#sequence payload}. */
    List<String> events(long guildId) {
        try (Connection c = TestPostgres.connect(jdbcUrl());
                PreparedStatement s = c.prepareStatement("SELECT e.event_type, e.sequence, e.aggregate_type, "
                        + "e.payload::text FROM events e JOIN community_guilds g ON e.payload ->> 'guildId' = g.id::text"
                        + " WHERE g.external_id = ? AND e.event_type LIKE 'community.%' ORDER BY e.position")) {
            s.setLong(1, guildId);
            List<String> events = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1) + "#" + rows.getLong(2) + " " + rows.getString(3) + " "
                            + rows.getString(4));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Api.Response transfer(long guildId, String id, Long from, Long to, long amount, String reason) {
        return api().post(guild(guildId) + "/transfers")
                .token(bot())
                .json(body("id", id, "from", from, "to", to, "amount", amount, "reason", reason))
                .send();
    }
}
