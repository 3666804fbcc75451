package io.strata.bootstrap.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.application.shared.InvariantQueries;
import io.strata.bootstrap.testing.Api.Response;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.bootstrap.testing.SqlStatements;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Documents over HTTP against PostgreSQL: revisions, shares, deletion batches, purge, lists, events. */
class DocumentApiTest extends IntegrationTest {
    static final String DOCUMENTS = "/api/v1/documents";

    TestUser user(String prefix) {
        return api().newUser(adminToken(), prefix, null);
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    Response create(String token, String title, String kind, Map<String, Object> content) {
        return api().post(DOCUMENTS)
                .token(token)
                .json(body("title", title, "kind", kind, "content", content))
                .send();
    }

    Map<String, Object> created(TestUser owner, String title) {
        return create(owner.token(), title, "TEXT", Map.of("text", "v1 of " + title))
                .expect(201)
                .json();
    }

    static String path(Map<String, Object> document) {
        return DOCUMENTS + "/" + document.get("id");
    }

    Response update(String token, String path, String etag, Map<String, Object> content) {
        var call = api().put(path).token(token).json(body("content", content));
        if (etag != null) {
            call.ifMatch(etag);
        }
        return call.send();
    }

    Response share(String token, String path, TestUser with, String permission, Instant expiresAt) {
        return api().post(path + "/shares")
                .token(token)
                .json(body("userId", with.id(), "permission", permission, "expiresAt", expiresAt))
                .send();
    }

    static Object sharedAt(Response response) {
        return ((Map<?, ?>) ((List<?>) response.json().get("shares")).get(0)).get("sharedAt");
    }

    static Map<String, Object> withNullExpiry(String userId, Object sharedAt) {
        return body("userId", userId, "permission", "VIEW", "expiresAt", null, "sharedAt", sharedAt);
    }

    long sqlLong(String query) {
        try (Connection connection = TestPostgres.connect(jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            return rows.next() ? rows.getLong(1) : -1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> sqlStrings(String query) {
        try (Connection connection = TestPostgres.connect(jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void sqlUpdate(String update) {
        try (Connection connection = TestPostgres.connect(jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(update);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void createsAtRevisionOneAndRefusesBadInput() {
        TestUser owner = user("d-new");
        Response response = create(owner.token(), "Plan", "SPREADSHEET", Map.of("cells", List.of(1, 2)))
                .expect(201);
        Map<String, Object> document = response.json();
        assertThat(document)
                .containsEntry("title", "Plan")
                .containsEntry("kind", "SPREADSHEET")
                .containsEntry("revision", 1)
                .containsEntry("access", "MANAGE")
                .containsEntry("ownerId", owner.id())
                .containsEntry("content", Map.of("cells", List.of(1, 2)))
                .containsEntry("shares", List.of());
        assertThat(response.header("Location")).contains(path(document));
        assertThat(response.etag()).isEqualTo("\"0\"");
        assertThat(create(owner.token(), "Empty", "TEXT", null).expect(201).json())
                .containsEntry("content", Map.of());

        assertThat(create(owner.token(), " ", "TEXT", null).errorFields(400)).contains("title");
        assertThat(create(owner.token(), "x".repeat(201), "TEXT", null).errorFields(400))
                .contains("title");
        assertThat(create(owner.token(), "Bad kind", "WORD", null).errorFields(400))
                .contains("kind");
        assertThat(create(owner.token(), "No kind", null, null).errorFields(400))
                .contains("kind");
        assertThat(create(owner.token(), "Nul \u0000", "TEXT", null).status()).isEqualTo(400);
        api().post(DOCUMENTS)
                .token(owner.token())
                .raw("{\"title\":\"Array\",\"kind\":\"TEXT\",\"content\":[1]}", "application/json")
                .send()
                .problem(400);
        api().post(DOCUMENTS)
                .token(owner.token())
                .raw("{\"title\":\"Extra\",\"kind\":\"TEXT\",\"owner\":\"me\"}", "application/json")
                .send()
                .problem(400);
        api().post(DOCUMENTS).json(body("title", "anon", "kind", "TEXT")).send().problem(401);
        api().get(DOCUMENTS + "/not-a-uuid").token(owner.token()).send().problem(400);
        api().get(DOCUMENTS + "/00000000-0000-0000-0000-000000000000")
                .token(owner.token())
                .send()
                .notFound();
    }

    @Test
    void titlesAreUniqueAmongTheOwnersLiveDocumentsOnly() {
        TestUser owner = user("d-uniq");
        TestUser other = user("d-uniq2");
        Map<String, Object> first = created(owner, "Minutes");
        create(owner.token(), "minutes", "TEXT", null).problem(409);
        created(other, "Minutes"); // another owner's title
        api().delete(path(first)).token(owner.token()).send().expect(204);
        Map<String, Object> second = created(owner, "Minutes"); // the deleted one does not count
        api().post(path(first) + "/restore").token(owner.token()).send().problem(409); // now taken
        api().delete(path(second)).token(owner.token()).send().expect(204);
        api().post(path(first) + "/restore").token(owner.token()).send().expect(200);
    }

    @Test
    void anUpdateIsANewRevisionAndNeedsACurrentIfMatch() {
        TestUser owner = user("d-upd");
        Map<String, Object> document = created(owner, "Essay");
        String path = path(document);
        update(owner.token(), path, null, Map.of("text", "v2")).problem(428);
        update(owner.token(), path, "\"7\"", Map.of("text", "v2")).problem(412);
        update(owner.token(), path, "garbage", Map.of("text", "v2")).problem(400);
        api().put(path)
                .token(owner.token())
                .ifMatch("\"0\"")
                .json(body())
                .send()
                .errorFields(400);

        Response updated =
                update(owner.token(), path, "\"0\"", Map.of("text", "v2")).expect(200);
        assertThat(updated.json()).containsEntry("revision", 2).containsEntry("content", Map.of("text", "v2"));
        assertThat(updated.etag()).isEqualTo("\"1\"");
        update(owner.token(), path, "\"0\"", Map.of("text", "v3")).problem(412); // stale now
        Map<String, Object> renamed = api().put(path)
                .token(owner.token())
                .ifMatch(updated.etag())
                .json(body("title", "Essay, final", "content", Map.of("text", "v3")))
                .send()
                .expect(200)
                .json();
        assertThat(renamed).containsEntry("revision", 3).containsEntry("title", "Essay, final");

        // complete revisions, newest first, each with its author
        List<Map<String, Object>> revisions = api().get(path + "/revisions")
                .token(owner.token())
                .send()
                .expect(200)
                .items();
        assertThat(revisions).extracting(r -> r.get("revision")).containsExactly(3, 2, 1);
        assertThat(revisions.get(2))
                .containsEntry("title", "Essay")
                .containsEntry("content", Map.of("text", "v1 of Essay"))
                .containsEntry("authorId", owner.id());
        assertThat(api().get(path + "/revisions/2")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .json())
                .containsEntry("content", Map.of("text", "v2"));
        api().get(path + "/revisions/9").token(owner.token()).send().notFound();
        api().get(path + "/revisions/x").token(owner.token()).send().problem(400);
        assertThat(api().get(path + "/revisions?revision=lt.3&sort=revision")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(r -> r.get("revision"))
                .containsExactly(1, 2);
        api().get(path + "/revisions?content=eq.x").token(owner.token()).send().problem(400);
    }

    @Test
    void aRevisionIsRestoredAsANewOne() {
        TestUser owner = user("d-rst");
        Map<String, Object> document = created(owner, "Deck");
        String path = path(document);
        String etag = update(owner.token(), path, "\"0\"", Map.of("text", "v2"))
                .expect(200)
                .etag();
        api().post(path + "/revisions/1/restore")
                .token(owner.token())
                .ifMatch("\"0\"")
                .send()
                .problem(412);
        Response restored = api().post(path + "/revisions/1/restore")
                .token(owner.token())
                .ifMatch(etag)
                .send()
                .expect(200);
        assertThat(restored.json()).containsEntry("revision", 3).containsEntry("content", Map.of("text", "v1 of Deck"));
        api().post(path + "/revisions/8/restore").token(owner.token()).send().notFound();
        assertThat(api().get(path + "/revisions")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .hasSize(3);
        assertThat(sqlStrings("SELECT payload->>'restoredFrom' FROM events WHERE aggregate_id = '" + document.get("id")
                        + "' AND event_type = 'content.DocumentRevised' ORDER BY sequence"))
                .containsExactly(null, "1");
    }

    @Test
    void sharesGrantViewOrEditAndOthersSeeNothing() {
        TestUser owner = user("d-shr");
        TestUser viewer = user("d-view");
        TestUser editor = user("d-edit");
        TestUser stranger = user("d-strg");
        Map<String, Object> document = created(owner, "Shared");
        String path = path(document);

        // strangers: 404 everywhere, never a hint
        api().get(path).token(stranger.token()).send().notFound();
        update(stranger.token(), path, "\"0\"", Map.of()).notFound();
        api().get(path + "/revisions").token(stranger.token()).send().notFound();
        api().get(path + "/revisions/1").token(stranger.token()).send().notFound();
        share(stranger.token(), path, stranger, "VIEW", null).notFound();
        api().delete(path).token(stranger.token()).send().notFound();
        api().post(path + "/purge").token(stranger.token()).send().notFound();
        api().post(path + "/restore").token(stranger.token()).send().notFound();

        Response shared = share(owner.token(), path, viewer, "VIEW", null).expect(200);
        assertThat(shared.json().get("shares")).isEqualTo(List.of(withNullExpiry(viewer.id(), sharedAt(shared))));
        api().put(path + "/shares/" + editor.id())
                .token(owner.token())
                .json(body("permission", "EDIT", "expiresAt", Instant.now().plusSeconds(3600)))
                .send()
                .expect(200);

        Map<String, Object> seen =
                api().get(path).token(viewer.token()).send().expect(200).json();
        assertThat(seen).containsEntry("access", "VIEW").containsEntry("shares", List.of());
        update(viewer.token(), path, "\"2\"", Map.of("text", "viewer")).problem(403);
        api().post(path + "/revisions/1/restore").token(viewer.token()).send().problem(403);
        share(viewer.token(), path, stranger, "VIEW", null).problem(403);
        api().delete(path).token(viewer.token()).send().problem(403);
        api().post(path + "/purge").token(editor.token()).send().problem(403);
        Map<String, Object> edited = update(editor.token(), path, "\"2\"", Map.of("text", "editor"))
                .expect(200)
                .json();
        assertThat(edited).containsEntry("access", "EDIT").containsEntry("revision", 2);
        assertThat(api().get(path + "/revisions/2")
                        .token(viewer.token())
                        .send()
                        .expect(200)
                        .json())
                .containsEntry("authorId", editor.id());

        assertThat(api().get(DOCUMENTS + "/shared")
                        .token(viewer.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(d -> d.get("id"))
                .containsExactly(document.get("id"));
        assertThat(api().get(DOCUMENTS + "/shared")
                        .token(stranger.token())
                        .send()
                        .expect(200)
                        .items())
                .isEmpty();

        // refusals
        share(owner.token(), path, owner, "VIEW", null).errorFields(400);
        share(owner.token(), path, viewer, "OWN", null).errorFields(400);
        share(owner.token(), path, viewer, "VIEW", Instant.now().minusSeconds(60))
                .errorFields(400);
        api().post(path + "/shares")
                .token(owner.token())
                .json(body("userId", "00000000-0000-0000-0000-000000000009", "permission", "VIEW"))
                .send()
                .notFound();
        api().post(path + "/shares")
                .token(owner.token())
                .json(body("permission", "VIEW"))
                .send()
                .errorFields(400);

        // unshare: the viewer loses access at once
        api().delete(path + "/shares/" + viewer.id())
                .token(owner.token())
                .send()
                .expect(200);
        api().get(path).token(viewer.token()).send().notFound();
        api().delete(path + "/shares/" + viewer.id())
                .token(owner.token())
                .send()
                .notFound();
        assertThat(sqlLong("SELECT count(*) FROM content_document_shares WHERE document_id = '" + document.get("id")
                        + "' AND user_id = '" + viewer.id() + "' AND deleted_at IS NOT NULL"))
                .isEqualTo(1); // kept, soft-deleted
        share(owner.token(), path, viewer, "EDIT", null).expect(200); // a new live row next to it
        assertThat(api().get(path).token(viewer.token()).send().expect(200).json())
                .containsEntry("access", "EDIT");

        // an admin sees and manages anyone's document
        assertThat(api().get(path).token(adminToken()).send().expect(200).json())
                .containsEntry("access", "MANAGE");
    }

    @Test
    void anExpiredShareGrantsNothing() {
        TestUser owner = user("d-exp");
        TestUser guest = user("d-expg");
        Map<String, Object> document = created(owner, "Temporary");
        String path = path(document);
        share(owner.token(), path, guest, "EDIT", Instant.now().plusSeconds(3600))
                .expect(200);
        api().get(path).token(guest.token()).send().expect(200);
        // time passes: the share's end is now behind us
        sqlUpdate("UPDATE content_document_shares SET expires_at = now() - interval '1 second' WHERE document_id = '"
                + document.get("id") + "'");
        api().get(path).token(guest.token()).send().notFound();
        update(guest.token(), path, "\"1\"", Map.of()).notFound();
        assertThat(api().get(DOCUMENTS + "/shared")
                        .token(guest.token())
                        .send()
                        .expect(200)
                        .items())
                .isEmpty();
        // the owner still sees it (and can renew it)
        assertThat(api().get(path)
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .json()
                        .get("shares"))
                .isInstanceOfSatisfying(List.class, shares -> assertThat(shares).hasSize(1));
        share(owner.token(), path, guest, "VIEW", null).expect(200);
        api().get(path).token(guest.token()).send().expect(200);
    }

    @Test
    void restoreUndoesExactlyTheDeletionBatch() {
        TestUser owner = user("d-del");
        TestUser kept = user("d-kept");
        TestUser removed = user("d-rmvd");
        Map<String, Object> document = created(owner, "Batch");
        String path = path(document);
        String id = (String) document.get("id");
        String etag = update(owner.token(), path, "\"0\"", Map.of("text", "v2"))
                .expect(200)
                .etag();
        update(owner.token(), path, etag, Map.of("text", "v3")).expect(200);
        share(owner.token(), path, kept, "VIEW", null).expect(200);
        share(owner.token(), path, removed, "VIEW", null).expect(200);
        // deleted on their own, before: they stay deleted
        api().delete(path + "/shares/" + removed.id())
                .token(owner.token())
                .send()
                .expect(200);
        api().delete(path + "/revisions/1").token(owner.token()).send().expect(200);
        api().delete(path + "/revisions/1").token(owner.token()).send().problem(409);
        api().delete(path + "/revisions/3").token(owner.token()).send().problem(409); // the current one
        api().delete(path + "/revisions/1").token(kept.token()).send().problem(403);
        assertThat(api().get(path + "/revisions")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(r -> r.get("revision"))
                .containsExactly(3, 2);
        api().get(path + "/revisions/1").token(kept.token()).send().notFound();
        assertThat(api().get(path + "/revisions/1")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .json()
                        .get("deletedAt"))
                .isNotNull();

        api().delete(path).token(owner.token()).ifMatch("\"0\"").send().problem(412);
        api().delete(path).token(owner.token()).send().expect(204);
        api().delete(path).token(owner.token()).send().problem(409);
        api().get(path).token(kept.token()).send().notFound();
        assertThat(api().get(path)
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .json()
                        .get("deletedAt"))
                .isNotNull();
        update(owner.token(), path, api().get(path).token(owner.token()).send().etag(), Map.of())
                .problem(409);
        assertThat(api().get(DOCUMENTS).token(owner.token()).send().expect(200).items())
                .isEmpty();
        assertThat(api().get(DOCUMENTS + "?includeDeleted=true")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(d -> d.get("id"))
                .containsExactly(id);
        assertThat(api().get(DOCUMENTS + "/shared")
                        .token(kept.token())
                        .send()
                        .expect(200)
                        .items())
                .isEmpty();
        // one batch: the document, its two live revisions and its live share
        assertThat(sqlLong(
                        "SELECT count(DISTINCT deletion_id) FROM (SELECT deletion_id FROM content_documents WHERE id = '"
                                + id
                                + "' UNION ALL SELECT deletion_id FROM content_document_revisions WHERE document_id = '"
                                + id + "' AND revision > 1 UNION ALL SELECT deletion_id FROM content_document_shares"
                                + " WHERE document_id = '" + id + "' AND user_id = '" + kept.id() + "') batch"))
                .isEqualTo(1);

        api().post(path + "/restore").token(kept.token()).send().notFound();
        Map<String, Object> restored = api().post(path + "/restore")
                .token(owner.token())
                .send()
                .expect(200)
                .json();
        assertThat(restored.get("deletedAt")).isNull();
        assertThat(((List<?>) restored.get("shares"))
                        .stream()
                                .map(s -> (Object) ((Map<?, ?>) s).get("userId"))
                                .toList())
                .containsExactly(kept.id());
        api().post(path + "/restore").token(owner.token()).send().problem(409);
        api().get(path).token(kept.token()).send().expect(200);
        api().get(path).token(removed.token()).send().notFound();
        assertThat(api().get(path + "/revisions")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(r -> r.get("revision"))
                .containsExactly(3, 2);
        assertThat(api().get(path + "/revisions?includeDeleted=true")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(r -> r.get("revision"))
                .containsExactly(3, 2, 1);
    }

    @Test
    void purgeIsHardAndFinalForTheOwnerOrAnAdmin() {
        TestUser owner = user("d-prg");
        TestUser editor = user("d-prge");
        Map<String, Object> document = created(owner, "Gone");
        String path = path(document);
        String id = (String) document.get("id");
        update(owner.token(), path, "\"0\"", Map.of("text", "v2")).expect(200);
        share(owner.token(), path, editor, "EDIT", null).expect(200);
        api().post(path + "/purge").token(editor.token()).send().problem(403);
        api().post(path + "/purge").token(owner.token()).send().expect(204);
        api().get(path).token(owner.token()).send().notFound();
        api().post(path + "/purge").token(owner.token()).send().notFound();
        api().post(path + "/restore").token(owner.token()).send().notFound();
        assertThat(sqlLong("SELECT (SELECT count(*) FROM content_documents WHERE id = '" + id + "')"
                        + " + (SELECT count(*) FROM content_document_revisions WHERE document_id = '" + id + "')"
                        + " + (SELECT count(*) FROM content_document_shares WHERE document_id = '" + id + "')"))
                .isZero();

        Map<String, Object> other = created(owner, "Admin purges");
        api().delete(path(other)).token(owner.token()).send().expect(204);
        api().post(path(other) + "/purge").token(adminToken()).send().expect(204);
        api().get(path(other)).token(owner.token()).send().notFound();
    }

    @Test
    void eventsNameEveryChangeWithoutTheContent() {
        TestUser owner = user("d-evt");
        TestUser friend = user("d-evtf");
        Map<String, Object> document = created(owner, "Secret plan");
        String path = path(document);
        String id = (String) document.get("id");
        update(owner.token(), path, "\"0\"", Map.of("text", "classified")).expect(200);
        share(owner.token(), path, friend, "VIEW", null).expect(200);
        api().delete(path + "/shares/" + friend.id())
                .token(owner.token())
                .send()
                .expect(200);
        api().delete(path + "/revisions/1").token(owner.token()).send().expect(200);
        api().delete(path).token(owner.token()).send().expect(204);
        api().post(path + "/restore").token(owner.token()).send().expect(200);
        api().post(path + "/purge").token(owner.token()).send().expect(204);
        String events = "FROM events WHERE aggregate_id = '" + id + "' ORDER BY sequence";
        assertThat(sqlStrings("SELECT event_type " + events))
                .containsExactly(
                        "content.DocumentCreated",
                        "content.DocumentRevised",
                        "content.DocumentShared",
                        "content.DocumentUnshared",
                        "content.DocumentRevisionDeleted",
                        "content.DocumentDeleted",
                        "content.DocumentRestored",
                        "content.DocumentPurged");
        assertThat(sqlStrings("SELECT payload::text " + events))
                .allSatisfy(payload ->
                        assertThat(payload).doesNotContain("classified", "Secret plan", "\"content\"", "\"title\""));
    }

    @Test
    void listsFilterPageAndCostAConstantNumberOfStatements() {
        TestUser owner = user("d-lst");
        TestUser reader = user("d-lstr");
        for (int i = 0; i < 5; i++) {
            Map<String, Object> document = create(
                            owner.token(), "Report " + i, i % 2 == 0 ? "TEXT" : "PRESENTATION", Map.of("n", i))
                    .expect(201)
                    .json();
            share(owner.token(), path(document), reader, "VIEW", null).expect(200);
        }
        assertThat(api().get(DOCUMENTS + "?kind=eq.PRESENTATION")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .hasSize(2)
                .allSatisfy(d -> assertThat(d).doesNotContainKeys("content", "shares"));
        assertThat(api().get(DOCUMENTS + "?q=" + URLEncoder.encode("report 3", StandardCharsets.UTF_8))
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(d -> d.get("title"))
                .containsExactly("Report 3");
        assertThat(api().get(DOCUMENTS + "/shared?sort=title&kind=eq.TEXT")
                        .token(reader.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(d -> d.get("title"))
                .containsExactly("Report 0", "Report 2", "Report 4");
        api().get(DOCUMENTS + "?nope=eq.1").token(owner.token()).send().problem(400);
        api().get(DOCUMENTS + "?kind=eq.WORD").token(owner.token()).send().problem(400);

        // keyset paging visits every document once
        List<Object> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = api().get(DOCUMENTS + "/shared?limit=2&sort=title"
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)))
                    .token(reader.token())
                    .send()
                    .expect(200)
                    .json();
            ((List<?>) page.get("items")).forEach(item -> seen.add(((Map<?, ?>) item).get("title")));
            cursor = (String) ((Map<?, ?>) page.get("page")).get("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactly("Report 0", "Report 1", "Report 2", "Report 3", "Report 4");

        SqlStatements sql = sql();
        for (String list : List.of(DOCUMENTS, DOCUMENTS + "/shared")) {
            String token = list.equals(DOCUMENTS) ? owner.token() : reader.token();
            api().get(list + "?limit=1").token(token).send().expect(200);
            long one = sql.countDuring(
                    () -> api().get(list + "?limit=1").token(token).send().expect(200));
            long hundred = sql.countDuring(
                    () -> api().get(list + "?limit=100").token(token).send().expect(200));
            assertThat(hundred).as(list).isEqualTo(one);
        }
        Map<String, Object> document = created(owner, "Many revisions");
        String etag = "\"0\"";
        for (int i = 0; i < 3; i++) {
            etag = update(owner.token(), path(document), etag, Map.of("i", i))
                    .expect(200)
                    .etag();
        }
        String revisions = path(document) + "/revisions";
        api().get(revisions + "?limit=1").token(owner.token()).send().expect(200);
        long one = sql.countDuring(() ->
                api().get(revisions + "?limit=1").token(owner.token()).send().expect(200));
        long hundred = sql.countDuring(() ->
                api().get(revisions + "?limit=100").token(owner.token()).send().expect(200));
        assertThat(hundred).isEqualTo(one);
    }

    @Test
    void twoConcurrentUpdatesWithTheSameIfMatchOneWinsOneIsStale() throws Exception {
        TestUser owner = user("d-race");
        Map<String, Object> document = created(owner, "Race");
        String path = path(document);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return update(owner.token(), path, "\"0\"", Map.of("writer", n))
                            .status();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        assertThat(api().get(path).token(owner.token()).send().expect(200).json())
                .containsEntry("revision", 2);
        assertThat(sqlLong("SELECT count(*) FROM content_document_revisions WHERE document_id = '" + document.get("id")
                        + "'"))
                .isEqualTo(2);
    }

    @Test
    void aUserOwningDocumentsCannotBeDeleted() {
        TestUser owner = user("d-usr");
        created(owner, "Keeps the owner");
        String users = "/api/v1/users/" + owner.id();
        String etag = api().get(users).token(adminToken()).send().expect(200).etag();
        assertThat((String) api().delete(users)
                        .token(adminToken())
                        .ifMatch(etag)
                        .send()
                        .problem(409)
                        .get("detail"))
                .contains("document");
    }

    @Test
    void verifyNamesADocumentWhoseHistoryIsIncomplete() {
        TestUser owner = user("d-inv");
        Map<String, Object> document = created(owner, "Audited");
        update(owner.token(), path(document), "\"0\"", Map.of("text", "v2")).expect(200);
        InvariantQueries invariants = bean(InvariantQueries.class);
        String check = invariants.names().stream()
                .filter(name -> name.startsWith("content: every document"))
                .findFirst()
                .orElseThrow();
        assertThat(invariants.violations(check, 10)).isEmpty();
        sqlUpdate("DELETE FROM content_document_revisions WHERE document_id = '" + document.get("id")
                + "' AND revision = 1");
        assertThat(invariants.violations(check, 10))
                .containsExactly(
                        "document " + document.get("id") + ": at revision 2 but 1 revision(s) stored, the highest 2");
    }
}
