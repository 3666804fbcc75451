package io.strata.bootstrap.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chat rooms and messages through HTTP and PostgreSQL: membership, threads, edits, deletes, paging, polling. */
class ChatApiTest extends IntegrationTest {
    private static final String ROOMS = "/api/v1/rooms";

    private TestUser creator;
    private TestUser member;
    private TestUser outsider;

    @BeforeAll
    void users() {
        creator = api().newUser(adminToken(), "chatcreator", null);
        member = api().newUser(adminToken(), "chatmember", null);
        outsider = api().newUser(adminToken(), "chatoutsider", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyMembersReadOrPostAndJoiningAndLeavingChangeThat() {
        String room = newRoom(creator, "Team");
        assertThat(api().get(ROOMS + "/" + room)
                        .token(creator.token())
                        .send()
                        .expect(200)
                        .json())
                .containsEntry("creatorId", creator.id())
                .containsEntry("members", List.of(creator.id()));
        api().get(ROOMS + "/" + room).token(outsider.token()).send().notFound();
        api().get(messages(room)).token(outsider.token()).send().notFound();
        api().get(messages(room) + "/changes").token(outsider.token()).send().notFound();
        api().post(messages(room))
                .token(outsider.token())
                .json(Map.of("content", "hi"))
                .send()
                .notFound();
        api().post(ROOMS + "/" + room + "/leave").token(outsider.token()).send().notFound();
        api().post(ROOMS + "/" + UUID.randomUUID() + "/join")
                .token(outsider.token())
                .send()
                .notFound();

        Map<String, Object> joined = api().post(ROOMS + "/" + room + "/join")
                .token(member.token())
                .send()
                .expect(200)
                .json();
        assertThat((List<Object>) joined.get("members")).containsExactlyInAnyOrder(creator.id(), member.id());
        api().post(ROOMS + "/" + room + "/join").token(member.token()).send().expect(200);
        post(member, room, "hello", null).expect(201);
        assertThat(api().get(ROOMS).token(member.token()).send().expect(200).items())
                .extracting(r -> r.get("id"))
                .contains(room);

        api().post(ROOMS + "/" + room + "/leave").token(member.token()).send().expect(204);
        api().get(messages(room)).token(member.token()).send().notFound();
        assertThat(api().get(ROOMS).token(member.token()).send().expect(200).items())
                .extracting(r -> r.get("id"))
                .doesNotContain(room);
    }

    @Test
    void badInputIsA400NamingTheField() {
        String room = newRoom(creator, "Inputs");
        assertThat(api().post(ROOMS)
                        .token(creator.token())
                        .json(Map.of("name", ""))
                        .send()
                        .errorFields(400))
                .contains("name");
        assertThat(post(creator, room, null, null).errorFields(400)).contains("content");
        assertThat(post(creator, room, "x".repeat(10_001), null).errorFields(400))
                .contains("content");
        assertThat(post(creator, room, "a\u0000b", null).status()).isEqualTo(400);
        assertThat(post(creator, room, "hi", "not-a-uuid").errorFields(400)).contains("replyToId");
        assertThat(post(creator, room, "hi", UUID.randomUUID().toString()).errorFields(400))
                .contains("replyToId");
        for (String[] bad : new String[][] {
            {"?before=garbage", "before"},
            {"?after=garbage", "after"},
            {"?limit=0", "limit"},
            {"?limit=x", "limit"},
            {"/changes?since=-1", "since"},
            // "١٠" (Arabic-Indic digits), which Integer.parseInt and Long.parseLong would read as 10
            {"?limit=%D9%A1%D9%A0", "limit"},
            {"/changes?since=%D9%A1%D9%A0", "since"}
        }) {
            assertThat(api().get(messages(room) + bad[0])
                            .token(creator.token())
                            .send()
                            .errorFields(400))
                    .as(bad[0])
                    .contains(bad[1]);
        }
    }

    @Test
    void attachmentsAreFilesTheSenderMayReadAndTheOthersAreNamed() {
        String room = newRoom(creator, "Files");
        String mine = upload(creator, "mine.txt", null);
        String theirs = upload(member, "theirs.txt", null);
        String published = upload(member, "public.txt", "PUBLIC");
        String unknown = UUID.randomUUID().toString();
        Map<String, Object> posted = api().post(messages(room))
                .token(creator.token())
                .json(Map.of("content", "see files", "attachments", List.of(mine, published)))
                .send()
                .expect(201)
                .json();
        assertThat(posted.get("attachments")).isEqualTo(List.of(mine, published));

        Map<String, Object> problem = api().post(messages(room))
                .token(creator.token())
                .json(Map.of("content", "see files", "attachments", List.of(mine, theirs, unknown)))
                .send()
                .problem(400);
        assertThat(problem.toString())
                .contains("attachments")
                .contains(theirs)
                .contains(unknown)
                .doesNotContain(mine + ",");
        assertThat(api().post(messages(room))
                        .token(creator.token())
                        .raw("{\"content\":\"x\",\"attachments\":[null]}", "application/json")
                        .send()
                        .status())
                .isEqualTo(400);
    }

    /** A file of the content context, uploaded over HTTP: the attachment check asks content's published API. */
    private String upload(TestUser owner, String name, String visibility) {
        return String.valueOf(
                api().post("/api/v1/files?name=" + name + (visibility == null ? "" : "&visibility=" + visibility))
                        .token(owner.token())
                        .bytes(("content of " + name).getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                        .send()
                        .expect(201)
                        .json()
                        .get("id"));
    }

    @Test
    void repliesFormOneThreadInOrder() {
        String room = newRoom(creator, "Threads");
        join(member, room);
        String first = id(post(creator, room, "question", null).expect(201));
        String a = id(post(member, room, "answer", first).expect(201));
        String b = id(post(creator, room, "reply to the answer", a).expect(201));

        List<Map<String, Object>> thread = api().get(message(room, first) + "/replies")
                .token(member.token())
                .send()
                .expect(200)
                .items();
        assertThat(thread).extracting(m -> m.get("id")).containsExactly(a, b);
        assertThat(thread).extracting(m -> m.get("replyToId")).containsOnly(first);
        api().get(message(room, first) + "/replies")
                .token(outsider.token())
                .send()
                .notFound();
    }

    @Test
    void theSenderEditsWithHistoryAndTheSenderOrCreatorDeletesWithoutIt() {
        String room = newRoom(creator, "Edits");
        join(member, room);
        String id = id(post(member, room, "v1", null).expect(201));
        api().post(message(room, id) + "/edits")
                .token(member.token())
                .json(Map.of("content", "v2"))
                .send()
                .expect(200);
        Map<String, Object> edited = api().post(message(room, id) + "/edits")
                .token(member.token())
                .json(Map.of("content", "v3"))
                .send()
                .expect(200)
                .json();
        assertThat(edited).containsEntry("content", "v3");
        assertThat(edited.get("editedAt")).isNotNull();
        assertThat(api().get(message(room, id) + "/edits")
                        .token(creator.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(e -> e.get("content"))
                .containsExactly("v1", "v2");
        api().post(message(room, id) + "/edits")
                .token(creator.token())
                .json(Map.of("content", "x"))
                .send()
                .problem(403);

        String other = id(post(creator, room, "creator's", null).expect(201));
        api().delete(message(room, other)).token(member.token()).send().problem(403);

        api().delete(message(room, id)).token(creator.token()).send().expect(204);
        api().delete(message(room, id)).token(creator.token()).send().expect(204);
        assertThat(api().get(message(room, id) + "/edits")
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .isEmpty();
        api().post(message(room, id) + "/edits")
                .token(member.token())
                .json(Map.of("content", "v4"))
                .send()
                .problem(409);
        Map<String, Object> kept = api().get(messages(room)).token(member.token()).send().expect(200).items().stream()
                .filter(m -> id.equals(m.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(kept).containsEntry("deleted", true).containsEntry("content", null);
        assertThat(kept.get("deletedAt")).isNotNull();
        assertThat(post(member, room, "reply to deleted", id).status()).isEqualTo(409);
    }

    @Test
    void messagesWithEqualTimestampsAreOnExactlyOnePageEitherWay() throws SQLException {
        String room = newRoom(creator, "Paging");
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            posted.add(id(post(creator, room, "m" + i, null).expect(201)));
        }
        sql("UPDATE chat_messages SET created_at = ?, updated_at = ? WHERE room_id = ?", room);

        List<String> older = new ArrayList<>();
        Map<String, Object> page = null;
        String before = null;
        do {
            page = history(room, "?limit=2" + (before == null ? "" : "&before=" + before));
            older.addAll(ids(page));
            before = (String) page.get("before");
        } while (before != null);
        assertThat(older).hasSize(7).containsExactlyInAnyOrderElementsOf(posted);
        // equal timestamps: the id decides; newest first means descending ids (PostgreSQL compares uuids as
        // unsigned bytes, as their lower-case text sorts; java.util.UUID#compareTo is signed)
        assertThat(older).isSortedAccordingTo(Comparator.reverseOrder());

        // and back from the oldest page to the newest with `after`
        List<String> newer = new ArrayList<>(ids(page));
        String after = (String) page.get("after");
        while (after != null) {
            Map<String, Object> next = history(room, "?limit=3&after=" + after);
            newer.addAll(0, ids(next));
            after = (String) next.get("after");
        }
        assertThat(newer).containsExactlyElementsOf(older);
    }

    private Map<String, Object> history(String room, String query) {
        return api().get(messages(room) + query)
                .token(creator.token())
                .send()
                .expect(200)
                .json();
    }

    @Test
    void pollingReturnsEachChangeOnceWithTheNextCheckpoint() {
        String room = newRoom(creator, "Polling");
        join(member, room);
        String first = id(post(creator, room, "one", null).expect(201));
        String second = id(post(member, room, "two", null).expect(201));
        Map<String, Object> all = changes(member, room, 0);
        assertThat(kinds(all)).containsExactly(entry(first, "POSTED"), entry(second, "POSTED"));
        long checkpoint = ((Number) all.get("checkpoint")).longValue();

        String reply = id(post(member, room, "re: one", first).expect(201));
        api().post(message(room, second) + "/edits")
                .token(member.token())
                .json(Map.of("content", "2"))
                .send()
                .expect(200);
        api().post(message(room, second) + "/edits")
                .token(member.token())
                .json(Map.of("content", "II"))
                .send()
                .expect(200);
        api().delete(message(room, first)).token(creator.token()).send().expect(204);
        Map<String, Object> changed = changes(creator, room, checkpoint);
        assertThat(kinds(changed))
                .containsExactly(entry(reply, "POSTED"), entry(second, "EDITED"), entry(first, "DELETED"));
        long next = ((Number) changed.get("checkpoint")).longValue();
        assertThat(next).isGreaterThan(checkpoint);

        Map<String, Object> none = changes(creator, room, next);
        assertThat((List<?>) none.get("changes")).isEmpty();
        assertThat(((Number) none.get("checkpoint")).longValue()).isEqualTo(next);

        // in pages of one: the same changes, each once
        List<Map.Entry<String, String>> paged = new ArrayList<>();
        long at = checkpoint;
        for (int i = 0; i < 10; i++) {
            Map<String, Object> page = api().get(messages(room) + "/changes?limit=1&since=" + at)
                    .token(creator.token())
                    .send()
                    .expect(200)
                    .json();
            if (((List<?>) page.get("changes")).isEmpty()) {
                break;
            }
            paged.addAll(kinds(page));
            at = ((Number) page.get("checkpoint")).longValue();
        }
        assertThat(paged).containsExactlyElementsOf(kinds(changed));
    }

    @Test
    void concurrentPostsAreEachPolledOnceInCommitOrder() throws Exception {
        String room = newRoom(creator, "Busy");
        join(member, room);
        int threads = 4;
        int perThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                TestUser who = t % 2 == 0 ? creator : member;
                int thread = t;
                tasks.add(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        ids.add(id(post(who, room, "t" + thread + "-" + i, null).expect(201)));
                    }
                    return ids;
                });
            }
            Set<String> posted = new HashSet<>();
            for (Future<List<String>> future : pool.invokeAll(tasks)) {
                posted.addAll(future.get());
            }
            Map<String, Object> changes = api().get(messages(room) + "/changes?limit=200")
                    .token(member.token())
                    .send()
                    .expect(200)
                    .json();
            assertThat(kinds(changes)).extracting(Map.Entry::getKey).containsExactlyInAnyOrderElementsOf(posted);
            assertThat(((Number) changes.get("checkpoint")).longValue()).isEqualTo(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A join writes the joiner's member row first, then locks the room and moves its version (row-level security
     * shows a room to its members only): users joining at once all get in, each once, with one version and one
     * event per new member, and a second join at the same moment is the no-op it is alone.
     */
    @Test
    @SuppressWarnings("unchecked")
    void usersJoiningAtOnceAllGetInOnce() throws Exception {
        String room = newRoom(creator, "Crowd");
        int users = 6;
        List<TestUser> joiners = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            joiners.add(api().newUser(adminToken(), "chatcrowd", null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2 * users);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (TestUser joiner : joiners) {
                for (int twice = 0; twice < 2; twice++) {
                    tasks.add(() -> api().post(ROOMS + "/" + room + "/join")
                            .token(joiner.token())
                            .send()
                            .status());
                }
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : pool.invokeAll(tasks)) {
                statuses.add(future.get());
            }
            assertThat(statuses).hasSize(2 * users).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
        List<Object> expected = new ArrayList<>(List.of(creator.id()));
        joiners.forEach(joiner -> expected.add(joiner.id()));
        assertThat((List<Object>) api().get(ROOMS + "/" + room)
                        .token(creator.token())
                        .send()
                        .expect(200)
                        .json()
                        .get("members"))
                .containsExactlyInAnyOrderElementsOf(expected);
        try (Connection owner = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                PreparedStatement statement = owner.prepareStatement("""
                        SELECT r.version,
                               (SELECT count(*) FROM events e WHERE e.aggregate_id = r.id
                                   AND e.event_type = 'messaging.ChatRoomJoined'),
                               (SELECT max(e.sequence) FROM events e WHERE e.aggregate_id = r.id)
                        FROM chat_rooms r WHERE r.id = ?::uuid""")) {
            statement.setString(1, room);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("version").isEqualTo(users);
                assertThat(rs.getLong(2)).as("ChatRoomJoined events").isEqualTo(users);
                assertThat(rs.getLong(3)).as("the room's last event").isEqualTo(users + 1);
            }
        }
    }

    @Test
    void aHistoryPageAndAPollCostTheSameStatementsWhateverTheirSize() {
        String room = newRoom(creator, "Statements");
        String first = null;
        for (int i = 0; i < 5; i++) {
            String id = id(post(creator, room, "s" + i, first).expect(201));
            first = first == null ? id : first;
        }
        String thread = messages(room) + "/" + first + "/replies";
        for (String path : List.of(messages(room), messages(room) + "/changes", thread)) {
            api().get(path + "?limit=1").token(creator.token()).send().expect(200);
            long one = sql().countDuring(() ->
                    api().get(path + "?limit=1").token(creator.token()).send().expect(200));
            long hundred = sql().countDuring(() ->
                    api().get(path + "?limit=100").token(creator.token()).send().expect(200));
            assertThat(hundred).as(path).isEqualTo(one);
        }
    }

    // ------------------------------------------------------------------ helpers

    private String newRoom(TestUser who, String name) {
        return id(api().post(ROOMS)
                .token(who.token())
                .json(Map.of("name", name))
                .send()
                .expect(201));
    }

    private void join(TestUser who, String room) {
        api().post(ROOMS + "/" + room + "/join").token(who.token()).send().expect(200);
    }

    private Api.Response post(TestUser who, String room, String content, String replyTo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", content);
        if (replyTo != null) {
            body.put("replyToId", replyTo);
        }
        return api().post(messages(room)).token(who.token()).json(body).send();
    }

    private Map<String, Object> changes(TestUser who, String room, long since) {
        return api().get(messages(room) + "/changes?since=" + since)
                .token(who.token())
                .send()
                .expect(200)
                .json();
    }

    @SuppressWarnings("unchecked")
    private static List<Map.Entry<String, String>> kinds(Map<String, Object> changes) {
        return ((List<Map<String, Object>>) changes.get("changes"))
                .stream()
                        .map(c -> entry(
                                (String) ((Map<String, Object>) c.get("message")).get("id"), (String) c.get("change")))
                        .toList();
    }

    private static Map.Entry<String, String> entry(String id, String kind) {
        return Map.entry(id, kind);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items"))
                .stream().map(m -> (String) m.get("id")).toList();
    }

    private static String id(Api.Response response) {
        return (String) response.json().get("id");
    }

    private static String messages(String room) {
        return ROOMS + "/" + room + "/messages";
    }

    private static String message(String room, String id) {
        return messages(room) + "/" + id;
    }

    private void sql(String update, String room) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                PreparedStatement statement = connection.prepareStatement(update)) {
            Timestamp at = Timestamp.from(Instant.parse("2026-03-04T05:06:07.123456Z"));
            statement.setTimestamp(1, at);
            statement.setTimestamp(2, at);
            statement.setObject(3, UUID.fromString(room));
            statement.executeUpdate();
        }
    }
}
