package io.strata.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.shared.RowSecurity;
import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.config.DatabaseSettings;
import io.strata.bootstrap.database.ApplicationRole;
import io.strata.bootstrap.database.SchemaMigrations;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schema owned and migrated by a role that is neither a superuser nor BYPASSRLS, as on a managed PostgreSQL,
 * with the application on its own role: row-level security's helper functions, which read or write as SYSTEM
 * through their {@code SET strata.role} clause ({@code content_files_count_download}, {@code
 * content_document_owned_by}, {@code chat_room_has_member}, {@code email_sent_by}), work through the use cases and
 * under raw SQL. FORCE binds such an owner too, which the superuser of the other tests never shows. Creating those
 * functions takes the SET privilege on the custom parameter {@code strata.role}, which a superuser grants once; without
 * it, migrating stops with a message that names the grant.
 */
class NonSuperuserOwnerTest extends IntegrationTest {
    private static final String OWNER = "strata_test_owner";
    private static final String UNGRANTED_OWNER = "strata_test_owner_ungranted";
    private static final List<String> HELPERS = List.of(
            "content_files_count_download", "content_document_owned_by", "chat_room_has_member", "email_sent_by");

    @Override
    protected DatabaseSettings schemaOwner(String jdbcUrl) {
        asSuperuser(
                jdbcUrl,
                createRole(OWNER),
                createRole(ApplicationRole.EMBEDDED), // the owner may not create roles: serve expects it to exist
                "GRANT SET ON PARAMETER strata.role TO " + OWNER,
                "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I OWNER TO " + OWNER + "', current_database()); END $$");
        return new DatabaseSettings(jdbcUrl, OWNER, "");
    }

    @Test
    void theOwnerIsNoSuperuserAndOwnsTheTablesAndTheHelperFunctions() throws SQLException {
        assertThat(superuserQuery(
                        "SELECT rolsuper::text || ' ' || rolbypassrls::text FROM pg_roles WHERE rolname = ?", OWNER))
                .containsExactly("false false");
        assertThat(superuserQuery(
                        "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class WHERE relname IN "
                                + "('chat_rooms', 'chat_room_members', 'content_files', 'content_document_shares', "
                                + "'mailbox_entries', 'emails')",
                        null))
                .containsExactly(OWNER);
        for (String helper : HELPERS) {
            assertThat(superuserQuery("SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = ?", helper))
                    .as(helper)
                    .containsExactly(OWNER);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHelperFunctionsWorkThroughTheUseCasesAndUnderRawSql() throws SQLException {
        Api.TestUser a = api().newUser(adminToken(), "nonsuper-a", null);
        Api.TestUser b = api().newUser(adminToken(), "nonsuper-b", null);

        // chat_room_has_member: B, once a member, reads A's member row too (the members' policy asks the function)
        String room = api().post("/api/v1/rooms")
                .token(a.token())
                .json(Map.of("name", "owned by a non-superuser"))
                .send()
                .createdId();
        api().get("/api/v1/rooms/" + room).token(b.token()).send().notFound();
        assertThat((List<Object>) api().post("/api/v1/rooms/" + room + "/join")
                        .token(b.token())
                        .send()
                        .expect(200)
                        .json()
                        .get("members"))
                .containsExactlyInAnyOrder(a.id(), b.id());

        // content_document_owned_by: the owner writes a share (the shares' policy asks the function), B reads
        String document = api().post("/api/v1/documents")
                .token(a.token())
                .json(Map.of("title", Api.unique("nonsuper"), "kind", "TEXT", "content", Map.of("text", "one")))
                .send()
                .createdId();
        api().get("/api/v1/documents/" + document).token(b.token()).send().notFound();
        api().post("/api/v1/documents/" + document + "/shares")
                .token(a.token())
                .json(Map.of("userId", b.id(), "permission", "VIEW"))
                .send()
                .expect(200);
        api().get("/api/v1/documents/" + document).token(b.token()).send().expect(200);

        // email_sent_by: the sender delivers the recipient's copy (the copies' insert policy asks the function)
        String email = api().post("/api/v1/mail/drafts")
                .token(a.token())
                .json(Map.of("to", List.of(b.email()), "subject", "from a non-superuser's schema"))
                .send()
                .createdId();
        api().post("/api/v1/mail/drafts/" + email + "/send")
                .token(a.token())
                .send()
                .expect(200);
        api().get("/api/v1/mail/emails/" + email).token(b.token()).send().expect(200);

        // content_files_count_download: B's download of A's PUBLIC file counts on A's row, which B may not write
        String file = api().post("/api/v1/files?name=public.txt&visibility=PUBLIC")
                .token(a.token())
                .bytes("public bytes".getBytes(StandardCharsets.UTF_8), "text/plain")
                .send()
                .createdId();
        api().get("/api/v1/files/" + file + "/content").token(b.token()).send().expect(200);
        assertThat(((Number) api().get("/api/v1/files/" + file)
                                .token(a.token())
                                .send()
                                .expect(200)
                                .json()
                                .get("downloadCount"))
                        .longValue())
                .isEqualTo(1);

        // the same rows under raw SQL on the application's role, acting as B
        try (Connection app = DriverManager.getConnection(jdbcUrl(), ApplicationRole.EMBEDDED, "")) {
            app.setAutoCommit(false);
            RowSecurity.apply(app, new RowSecurity.Acting("USER", b.id()));
            assertThat(count(app, "SELECT count(*) FROM chat_room_members WHERE room_id = ?::uuid", room))
                    .as("A's and B's member rows")
                    .isEqualTo(2);
            assertThat(count(app, "SELECT count(*) FROM chat_rooms WHERE id = ?::uuid", room))
                    .isEqualTo(1);
            assertThat(count(app, "SELECT count(*) FROM content_document_shares WHERE document_id = ?::uuid", document))
                    .as("B's share")
                    .isEqualTo(1);
            assertThat(count(app, "SELECT count(*) FROM mailbox_entries WHERE email_id = ?::uuid", email))
                    .as("B's copy")
                    .isEqualTo(1);
            assertThat(count(app, "SELECT content_files_count_download(?::uuid)", file))
                    .as("a count on A's row")
                    .isEqualTo(1);
            assertThat(count(app, "SELECT count(*) FROM content_files WHERE id = ?::uuid AND download_count = 2", file))
                    .isEqualTo(1);
            // ... and only through the functions: B writes no share of A's document, no copy of A's e-mail
            assertThatThrownBy(() -> count(
                            app,
                            "INSERT INTO content_document_shares (document_id, user_id, permission, shared_at) "
                                    + "VALUES (?::uuid, '" + b.id() + "', 'EDIT', now()) RETURNING 1",
                            document))
                    .hasMessageContaining("row-level security");
            app.rollback();
            RowSecurity.apply(app, new RowSecurity.Acting("USER", b.id()));
            assertThat(count(app, "SELECT count(*) FROM content_document_shares WHERE document_id = ?::uuid", document))
                    .as("the function's SYSTEM ended with its query")
                    .isEqualTo(1);
            assertThat(count(
                            app,
                            "SELECT count(*) FROM chat_room_members WHERE chat_room_has_member(room_id, ?::uuid)",
                            b.id()))
                    .as("every member row of B's rooms, once each")
                    .isEqualTo(2);
            assertThat(count(app, "SELECT count(*) FROM mailbox_entries", null))
                    .as("B's own copies only")
                    .isEqualTo(1);
            app.rollback();
        }
    }

    /**
     * Deleting a user cascades through tables whose policies the deleting ADMIN does not pass (a chat room is its
     * members' only): foreign-key actions run as the tables' owner and are exempt from FORCE, superuser or not.
     */
    @Test
    void deletingAUserTakesTheirRoomsWithThem() throws SQLException {
        Api.TestUser c = api().newUser(adminToken(), "nonsuper-c", null);
        Api.TestUser d = api().newUser(adminToken(), "nonsuper-d", null);
        String room = api().post("/api/v1/rooms")
                .token(c.token())
                .json(Map.of("name", "C's room"))
                .send()
                .createdId();
        api().post("/api/v1/rooms/" + room + "/join").token(d.token()).send().expect(200);
        String etag = api().get("/api/v1/users/" + c.id())
                .token(adminToken())
                .send()
                .expect(200)
                .etag();
        api().delete("/api/v1/users/" + c.id())
                .token(adminToken())
                .ifMatch(etag)
                .send()
                .expect(204);
        api().get("/api/v1/rooms/" + room).token(d.token()).send().notFound();
        assertThat(superuserQuery(
                        "SELECT (SELECT count(*) FROM chat_rooms WHERE id = ?::uuid)::text"
                                + " || ' ' || (SELECT count(*) FROM chat_room_members WHERE room_id = ?::uuid)::text",
                        room))
                .containsExactly("0 0");
    }

    @Test
    void migratingAsAnOwnerWithoutTheGrantStopsAndNamesIt() {
        String url = DatabaseSettings.parse(TestPostgres.createFreshDatabase()).jdbcUrl();
        asSuperuser(
                url,
                createRole(UNGRANTED_OWNER),
                "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I OWNER TO " + UNGRANTED_OWNER
                        + "', current_database()); END $$");
        assertThatThrownBy(() -> new SchemaMigrations(new DatabaseSettings(url, UNGRANTED_OWNER, "")).migrate())
                .hasMessageContaining("GRANT SET ON PARAMETER strata.role TO");
    }

    private static String createRole(String role) {
        return "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE "
                + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS; END IF; END $$";
    }

    private static void asSuperuser(String url, String... statements) {
        try (Connection connection = DriverManager.getConnection(url, TestPostgres.USERNAME, TestPostgres.PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> superuserQuery(String sql, String parameter) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(jdbcUrl(), TestPostgres.USERNAME, TestPostgres.PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1;
                    parameter != null && i <= statement.getParameterMetaData().getParameterCount();
                    i++) {
                statement.setString(i, parameter);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }

    private static long count(Connection app, String sql, String parameter) throws SQLException {
        return ContextRowSecurityTest.count(app, sql, parameter);
    }
}
