package io.strata.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.shared.RowSecurity;
import io.strata.bootstrap.database.ApplicationRole;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.IntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Row-level security of the content, messaging, ai and community tables (V26, V32, V41, V52, V61): raw SQL on the
 * application's role, bypassing the use cases, sees and changes only what the acting user may. User A (a MANAGER,
 * so that it can also be a guild's bot) writes one of each kind of row through HTTP; user B (USER, then MANAGER)
 * probes them by their keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContextRowSecurityTest extends IntegrationTest {
    private static final AtomicLong GUILD_IDS = new AtomicLong(System.nanoTime() & 0xffff_ffffL);

    /** Table -> the key column that finds A's rows in it (bound to {@link #keys}). */
    private static final Map<String, String> KEY_COLUMN = new LinkedHashMap<>();

    static {
        KEY_COLUMN.put("content_files", "id");
        KEY_COLUMN.put("content_documents", "id");
        KEY_COLUMN.put("content_document_revisions", "document_id");
        KEY_COLUMN.put("content_document_shares", "document_id");
        KEY_COLUMN.put("chat_rooms", "id");
        KEY_COLUMN.put("chat_room_members", "room_id");
        KEY_COLUMN.put("chat_messages", "room_id");
        KEY_COLUMN.put("chat_message_edits", "message_id");
        KEY_COLUMN.put("emails", "id");
        KEY_COLUMN.put("mailbox_entries", "email_id");
        KEY_COLUMN.put("ai_interactions", "user_id");
        KEY_COLUMN.put("community_members", "guild_id");
        KEY_COLUMN.put("community_points_transfers", "guild_id");
        KEY_COLUMN.put("community_case_counters", "guild_id");
        KEY_COLUMN.put("community_cases", "guild_id");
        KEY_COLUMN.put("community_case_reasons", "case_id");
    }

    /** No ADMIN override: chat and mail are private to their members and participants (ChatAccess, MailAccess). */
    private static final List<String> PRIVATE_EVEN_TO_ADMINS = List.of(
            "chat_rooms", "chat_room_members", "chat_messages", "chat_message_edits", "emails", "mailbox_entries");

    private final Map<String, String> keys = new LinkedHashMap<>();
    private Api.TestUser a;
    private Api.TestUser b;
    private Api.TestUser c;
    private String room;

    @BeforeAll
    void aWritesOneOfEachKindOfRow() throws SQLException {
        a = api().newUser(adminToken(), "rls-ctx-a", "MANAGER");
        b = api().newUser(adminToken(), "rls-ctx-b", null);
        c = api().newUser(adminToken(), "rls-ctx-c", null);

        String file = api().post("/api/v1/files?name=private.txt")
                .token(a.token())
                .bytes("A's private bytes".getBytes(StandardCharsets.UTF_8), "text/plain")
                .send()
                .createdId();
        keys.put("content_files", file);

        String document = api().post("/api/v1/documents")
                .token(a.token())
                .json(Map.of("title", Api.unique("rls"), "kind", "TEXT", "content", Map.of("text", "one")))
                .send()
                .createdId();
        api().post("/api/v1/documents/" + document + "/shares")
                .token(a.token())
                .json(Map.of("userId", c.id(), "permission", "VIEW"))
                .send()
                .expect(200);
        keys.put("content_documents", document);
        keys.put("content_document_revisions", document);
        keys.put("content_document_shares", document);

        room = api().post("/api/v1/rooms")
                .token(a.token())
                .json(Map.of("name", "A's room"))
                .send()
                .createdId();
        String message = api().post("/api/v1/rooms/" + room + "/messages")
                .token(a.token())
                .json(Map.of("content", "first"))
                .send()
                .createdId();
        api().post("/api/v1/rooms/" + room + "/messages/" + message + "/edits")
                .token(a.token())
                .json(Map.of("content", "second"))
                .send()
                .expect(200);
        keys.put("chat_rooms", room);
        keys.put("chat_room_members", room);
        keys.put("chat_messages", room);
        keys.put("chat_message_edits", message);

        String email = api().post("/api/v1/mail/drafts")
                .token(a.token())
                .json(Map.of("to", List.of(c.email()), "subject", "for C only"))
                .send()
                .createdId();
        api().post("/api/v1/mail/drafts/" + email + "/send")
                .token(a.token())
                .send()
                .expect(200);
        keys.put("emails", email);
        keys.put("mailbox_entries", email);

        api().post("/api/v1/ai/prices")
                .token(adminToken())
                .json(Map.of(
                        "model", "rls-" + UUID.randomUUID(),
                        "inputPerMillion", new BigDecimal("1"),
                        "cachedInputPerMillion", new BigDecimal("0.5"),
                        "outputPerMillion", new BigDecimal("2"),
                        "effectiveFrom", Instant.parse("2020-01-01T00:00:00Z").toString()))
                .send()
                .expect(201);
        api().post("/api/v1/ai/interactions")
                .token(a.token())
                .json(Map.of(
                        "module",
                        "rls",
                        "model",
                        "m",
                        "prompt",
                        "A's prompt",
                        "promptTokens",
                        10,
                        "completionTokens",
                        5,
                        "latencyMs",
                        100))
                .send()
                .expect(201);
        keys.put("ai_interactions", a.id());

        long guild = GUILD_IDS.incrementAndGet();
        String guildPath = "/api/v1/guilds/" + guild;
        api().put(guildPath + "/members/11")
                .token(a.token())
                .json(Map.of("username", "eleven"))
                .send()
                .expect(200);
        api().post(guildPath + "/transfers")
                .token(a.token())
                .json(Map.of("id", UUID.randomUUID().toString(), "to", 11, "amount", 5))
                .send()
                .expect(201);
        api().post(guildPath + "/cases")
                .token(a.token())
                .json(Map.of("userId", 11, "type", "WARN", "reason", "spam", "moderatorId", 4242))
                .send()
                .expect(201);
        String guildId = ownerQuery("SELECT id FROM community_guilds WHERE external_id = " + guild);
        for (String table : List.of(
                "community_members", "community_points_transfers", "community_case_counters", "community_cases")) {
            keys.put(table, guildId);
        }
        keys.put(
                "community_case_reasons",
                ownerQuery("SELECT id FROM community_cases WHERE guild_id = '" + guildId + "'"));
        assertThat(keys.keySet()).isEqualTo(KEY_COLUMN.keySet());
    }

    @Test
    void anotherUserSeesNoneOfTheRowsAndChangesNothing() throws SQLException {
        try (Connection app = appConnection()) {
            Map<String, Long> asA = counts(app, acting("MANAGER", a));
            assertThat(asA)
                    .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
            // ... A sees its own copy of the e-mail, not C's
            assertThat(asA.get("mailbox_entries")).isEqualTo(1);

            for (String role : List.of("USER", "MANAGER")) {
                RowSecurity.Acting asB = acting(role, b);
                assertThat(counts(app, asB))
                        .as("acting as B (%s)", role)
                        .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
                RowSecurity.apply(app, asB);
                for (Map.Entry<String, String> key : KEY_COLUMN.entrySet()) {
                    String table = key.getKey();
                    String column = key.getValue();
                    assertThat(update(
                                    app,
                                    "UPDATE " + table + " SET " + column + " = " + column + " WHERE " + column
                                            + " = ?::uuid",
                                    keys.get(table)))
                            .as("B updates %s", table)
                            .isZero();
                    assertThat(update(app, "DELETE FROM " + table + " WHERE " + column + " = ?::uuid", keys.get(table)))
                            .as("B deletes from %s", table)
                            .isZero();
                }
                app.rollback();
            }
            assertThat(counts(app, acting("MANAGER", a)))
                    .as("A's rows after B's writes")
                    .isEqualTo(asA);
        }
    }

    @Test
    void adminsSeeWhatTheUseCasesShowThemAndSystemSeesEverything() throws SQLException {
        try (Connection app = appConnection()) {
            Map<String, Long> asA = counts(app, acting("MANAGER", a));
            asA.put("mailbox_entries", 2L); // the sender's copy and C's
            assertThat(counts(app, RowSecurity.Acting.SYSTEM_WORK)).isEqualTo(asA);

            Map<String, Long> asAdmin = counts(app, acting("ADMIN", b));
            for (String table : PRIVATE_EVEN_TO_ADMINS) {
                assertThat(asAdmin.remove(table)).as("%s as an ADMIN", table).isZero();
            }
            assertThat(asAdmin)
                    .allSatisfy((table, rows) -> assertThat(rows).as(table).isEqualTo(asA.get(table)));
        }
    }

    @Test
    void noSettingMeansNoRows() throws SQLException {
        try (Connection app = appConnection()) {
            for (String table : KEY_COLUMN.keySet()) {
                assertThat(count(app, "SELECT count(*) FROM " + table, null))
                        .as("%s without settings", table)
                        .isZero();
            }
            for (String table : List.of("ai_model_prices")) {
                assertThat(count(app, "SELECT count(*) FROM " + table, null))
                        .as("%s without settings", table)
                        .isZero();
            }
            app.rollback();
        }
    }

    @Test
    void sharesAndRecipientsSeeWhatWasSharedWithThemAndNothingOfTheOthers() throws SQLException {
        try (Connection app = appConnection()) {
            Map<String, Long> asC = counts(app, acting("USER", c));
            assertThat(asC.get("content_documents")).isEqualTo(1);
            assertThat(asC.get("content_document_revisions")).isEqualTo(1);
            assertThat(asC.get("content_document_shares")).as("C's own share").isEqualTo(1);
            assertThat(asC.get("emails")).isEqualTo(1);
            assertThat(asC.get("mailbox_entries")).as("C's own copy").isEqualTo(1);
            assertThat(asC.get("content_files")).as("a PRIVATE file").isZero();
            assertThat(asC.get("chat_messages")).as("not a member").isZero();

            // C may read the shared document but not change it (VIEW), nor share it further
            RowSecurity.apply(app, acting("USER", c));
            assertThat(update(
                            app,
                            "UPDATE content_documents SET title = 'taken' WHERE id = ?::uuid",
                            keys.get("content_documents")))
                    .isZero();
            assertThatThrownBy(() -> update(
                            app,
                            "INSERT INTO content_document_shares (document_id, user_id, permission, shared_at) "
                                    + "VALUES (?::uuid, '" + b.id() + "', 'EDIT', now())",
                            keys.get("content_documents")))
                    .hasMessageContaining("row-level security");
            app.rollback();

            // B cannot give itself a copy of A's e-mail, nor join A's messages by posting
            RowSecurity.apply(app, acting("USER", b));
            assertThatThrownBy(() -> update(
                            app,
                            "INSERT INTO mailbox_entries (user_id, email_id, folder, received_at, thread_id) "
                                    + "VALUES ('" + b.id() + "', ?::uuid, 'INBOX', now(), ?::uuid)",
                            keys.get("emails")))
                    .hasMessageContaining("row-level security");
            app.rollback();
            RowSecurity.apply(app, acting("USER", b));
            assertThatThrownBy(() -> update(
                            app,
                            "INSERT INTO chat_messages (id, room_id, sender_id, content, posted_change, change, "
                                    + "created_at, updated_at) VALUES (gen_random_uuid(), ?::uuid, '" + b.id()
                                    + "', 'intruder', 999, 999, now(), now())",
                            room))
                    .hasMessageContaining("row-level security");
            app.rollback();
        }
    }

    /**
     * A room is its members' (V61): before joining, D neither sees A's room nor moves its counters; D joins through
     * the API (the member row first, then the room as a member) and then sees it and moves its counters, never its
     * name or creator; B, not a member, still sees nothing; the creator keeps reading it after leaving.
     */
    @Test
    void aRoomIsSeenAndChangedByItsMembersOnlyAndJoiningMakesItVisible() throws SQLException {
        String other = api().post("/api/v1/rooms")
                .token(a.token())
                .json(Map.of("name", "A's other room"))
                .send()
                .createdId();
        Api.TestUser d = api().newUser(adminToken(), "rls-ctx-d", null);
        String counters =
                "UPDATE chat_rooms SET version = version + 1, last_change = last_change + 1 WHERE id = ?::uuid";
        try (Connection app = appConnection()) {
            RowSecurity.apply(app, acting("USER", d));
            assertThat(count(app, "SELECT count(*) FROM chat_rooms WHERE id = ?::uuid", other))
                    .as("a room D has not joined")
                    .isZero();
            assertThat(count(app, "SELECT count(*) FROM chat_rooms", null)).isZero();
            assertThat(update(app, counters, other)).as("D moves its counters").isZero();
            assertThat(update(app, "DELETE FROM chat_rooms WHERE id = ?::uuid", other))
                    .isZero();
            app.rollback();
            RowSecurity.apply(app, acting("USER", d));
            assertThatThrownBy(() -> update(
                            app,
                            "INSERT INTO chat_rooms (id, name, creator_id, created_at, updated_at) "
                                    + "VALUES (gen_random_uuid(), 'in A''s name', ?::uuid, now(), now())",
                            a.id()))
                    .hasMessageContaining("row-level security");
            app.rollback();
        }

        api().post("/api/v1/rooms/" + other + "/join").token(d.token()).send().expect(200);

        try (Connection app = appConnection()) {
            RowSecurity.apply(app, acting("USER", d));
            assertThat(count(app, "SELECT count(*) FROM chat_rooms WHERE id = ?::uuid", other))
                    .as("a room D joined")
                    .isEqualTo(1);
            assertThat(count(app, "SELECT count(*) FROM chat_rooms", null))
                    .as("only that one")
                    .isEqualTo(1);
            assertThat(update(app, counters, other))
                    .as("a member moves its counters")
                    .isEqualTo(1);
            assertThat(update(app, "DELETE FROM chat_rooms WHERE id = ?::uuid", other))
                    .isZero();
            assertThatThrownBy(() -> update(app, "UPDATE chat_rooms SET name = 'taken' WHERE id = ?::uuid", other))
                    .hasMessageContaining("do not change");
            app.rollback();
            RowSecurity.apply(app, acting("USER", d));
            assertThatThrownBy(() -> update(
                            app, "UPDATE chat_rooms SET creator_id = '" + d.id() + "' WHERE id = ?::uuid", other))
                    .hasMessageContaining("do not change");
            app.rollback();

            RowSecurity.apply(app, acting("USER", b));
            assertThat(count(app, "SELECT count(*) FROM chat_rooms WHERE id = ?::uuid", other))
                    .as("B has not joined")
                    .isZero();
            assertThat(update(app, counters, other)).isZero();
            app.rollback();
        }

        api().post("/api/v1/rooms/" + other + "/leave").token(a.token()).send().expect(204);
        try (Connection app = appConnection()) {
            RowSecurity.apply(app, acting("MANAGER", a));
            assertThat(count(app, "SELECT count(*) FROM chat_rooms WHERE id = ?::uuid", other))
                    .as("the creator after leaving")
                    .isEqualTo(1);
            assertThat(update(app, counters, other))
                    .as("the creator, no longer a member, moves its counters")
                    .isZero();
            app.rollback();
        }
    }

    @Test
    void pricesAreReadByAnyoneSignedIn() throws SQLException {
        try (Connection app = appConnection()) {
            RowSecurity.apply(app, acting("USER", b));
            assertThat(count(app, "SELECT count(*) FROM ai_model_prices", null)).isPositive();
            assertThat(update(app, "UPDATE ai_model_prices SET output_per_million = 0", null))
                    .isZero();
            assertThat(update(app, "DELETE FROM ai_model_prices", null)).isZero();
            app.rollback();
        }
    }

    private Connection appConnection() throws SQLException {
        Connection app = DriverManager.getConnection(jdbcUrl(), ApplicationRole.EMBEDDED, "");
        app.setAutoCommit(false);
        return app;
    }

    private static RowSecurity.Acting acting(String role, Api.TestUser user) {
        return new RowSecurity.Acting(role, user.id());
    }

    /** A's rows in each table, counted by key, in one transaction acting as {@code acting}. */
    private Map<String, Long> counts(Connection app, RowSecurity.Acting acting) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        RowSecurity.apply(app, acting);
        for (Map.Entry<String, String> key : KEY_COLUMN.entrySet()) {
            counts.put(
                    key.getKey(),
                    count(
                            app,
                            "SELECT count(*) FROM " + key.getKey() + " WHERE " + key.getValue() + " = ?::uuid",
                            keys.get(key.getKey())));
        }
        app.commit(); // the settings end with the transaction
        return counts;
    }

    /** {@code sql}'s single count, with {@code key} bound to its one parameter (none when null). */
    static long count(Connection app, String sql, String key) throws SQLException {
        try (PreparedStatement statement = app.prepareStatement(sql)) {
            if (key != null) {
                statement.setString(1, key);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int update(Connection app, String sql, String key) throws SQLException {
        try (PreparedStatement statement = app.prepareStatement(sql)) {
            for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
                statement.setString(i, key);
            }
            return statement.executeUpdate();
        }
    }

    private String ownerQuery(String sql) throws SQLException {
        try (Connection owner = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                ResultSet rs = owner.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
