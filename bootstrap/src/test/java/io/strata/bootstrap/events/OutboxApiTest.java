package io.strata.bootstrap.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The outbox over HTTP and PostgreSQL: each write request leaves exactly the events of what it changed, in the
 * transaction of the change (none when it fails), numbered per aggregate, for one more statement at most.
 */
class OutboxApiTest extends IntegrationTest {
    private static final String PATCH = "application/merge-patch+json";

    @Test
    void aCreatedProjectLeavesItsEventsInItsTransactionInOrder() {
        TestUser owner = api().newUser(adminToken(), "evowner", null);
        TestUser member = api().newUser(adminToken(), "evmember", null);
        long before = lastPosition();
        warm(owner.token());
        long statements = sql().countDuring(() -> api().post("/api/v1/projects")
                .token(owner.token())
                .json(Map.of(
                        "name",
                        "Apollo",
                        "members",
                        List.of(member.id()),
                        "tasks",
                        List.of(Map.of("title", "Design"), Map.of("title", "Build", "assigneeId", member.id()))))
                .send()
                .expect(201));
        assertThat(statements)
                .as("4 before the outbox (authentication answered from the principal cache): + the project's event, "
                        + "+ the tasks' events")
                .isEqualTo(6);

        List<Map<String, String>> events = eventsAfter(before);
        assertThat(events)
                .extracting(e -> e.get("event_type"))
                .containsExactly("workspace.ProjectCreated", "workspace.TaskCreated", "workspace.TaskCreated");
        assertThat(events).extracting(e -> e.get("sequence")).containsOnly("1");
        assertThat(events)
                .extracting(e -> e.get("txid"))
                .as("one transaction")
                .containsOnly(events.get(0).get("txid"));
        assertThat(rows("SELECT pg_xact_status('" + events.get(0).get("txid") + "'::xid8)"))
                .containsExactly(List.of("committed"));
        String projectId = events.get(0).get("aggregate_id");
        assertThat(events.get(0))
                .containsEntry("aggregate_type", "workspace.Project")
                .containsEntry(
                        "payload",
                        "{\"name\": \"Apollo\", \"members\": [\"" + owner.id() + "\", \"" + member.id()
                                + "\"], \"ownerId\": \"" + owner.id() + "\", \"projectId\": \"" + projectId + "\"}");
        assertThat(events.get(2)).containsEntry("aggregate_type", "workspace.Task");
        assertThat(events.get(2).get("payload"))
                .contains(
                        "\"title\": \"Build\"",
                        "\"assigneeId\": \"" + member.id() + "\"",
                        "\"projectId\": \"" + projectId + "\"");
    }

    /**
     * A database fault injected after the task and its event are written (the project's counters cannot be
     * stored) rolls the whole request back: no task, no event.
     */
    @Test
    void aRolledBackRequestLeavesNoEvent() {
        TestUser owner = api().newUser(adminToken(), "evfault", null);
        String projectId = (String) api().post("/api/v1/projects")
                .token(owner.token())
                .json(Map.of("name", "Faulty"))
                .send()
                .expect(201)
                .json()
                .get("id");
        execute(
                "CREATE FUNCTION outbox_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "RAISE EXCEPTION 'injected' USING ERRCODE = 'check_violation', CONSTRAINT = 'projects_fault_ck'; END $$",
                "CREATE TRIGGER outbox_test_fault BEFORE UPDATE ON projects FOR EACH ROW WHEN (OLD.id = '" + projectId
                        + "') EXECUTE FUNCTION outbox_test_fault()");
        long before = lastPosition();
        try {
            api().post("/api/v1/projects/" + projectId + "/tasks")
                    .token(owner.token())
                    .json(Map.of("title", "Lost"))
                    .send()
                    .expect(400);
        } finally {
            execute("DROP TRIGGER outbox_test_fault ON projects", "DROP FUNCTION outbox_test_fault()");
        }
        assertThat(eventsAfter(before)).isEmpty();
        assertThat(rows("SELECT count(*) FROM tasks WHERE project_id = '" + projectId + "'"))
                .containsExactly(List.of("0"));

        api().post("/api/v1/projects/" + projectId + "/tasks")
                .token(owner.token())
                .json(Map.of("title", "Kept"))
                .send()
                .expect(201);
        assertThat(eventsAfter(before)).extracting(e -> e.get("event_type")).containsExactly("workspace.TaskCreated");
    }

    /** Each write names what it changed; reads, renames and counters record nothing. */
    @Test
    void eachWriteRecordsTheFactsItChanged() {
        String admin = adminToken();
        String username = Api.unique("evuser");
        String email = username + "@example.test";
        String userId = (String) expect(
                        List.of("identity.UserRegistered"),
                        () -> api().post("/api/v1/users")
                                .token(admin)
                                .json(Map.of("email", email, "username", username, "password", Api.PASSWORD))
                                .send()
                                .expect(201))
                .json()
                .get("id");
        String first = (String) expect(
                        List.of("identity.SessionStarted"),
                        () -> api().post("/api/v1/sessions")
                                .json(Map.of("email", email, "password", Api.PASSWORD))
                                .send()
                                .expect(201))
                .json()
                .get("token");
        String second = api().login(email, Api.PASSWORD);
        expect(
                List.of("identity.UserEmailVerified"),
                () -> api().post("/api/v1/users/" + userId + "/email-verification")
                        .token(admin)
                        .send()
                        .expect(200));
        expect(
                List.of("identity.UserPasswordChanged", "identity.SessionRevoked"),
                () -> api().post("/api/v1/users/me/password")
                        .token(first)
                        .json(Map.of("currentPassword", Api.PASSWORD, "newPassword", "another horse 7"))
                        .send()
                        .expect(204));
        expect(
                List.of(),
                () -> api().patch("/api/v1/users/" + userId)
                        .token(admin)
                        .ifMatch(etagOfUser(userId, admin))
                        .raw("{\"firstName\":\"Eve\",\"tags\":[\"x\"]}", PATCH)
                        .send()
                        .expect(200));
        expect(
                List.of("identity.UserRoleChanged", "identity.SessionRevoked", "identity.UserStatusChanged"),
                () -> api().patch("/api/v1/users/" + userId)
                        .token(admin)
                        .ifMatch(etagOfUser(userId, admin))
                        .raw("{\"role\":\"MANAGER\",\"status\":\"INACTIVE\"}", PATCH)
                        .send()
                        .expect(200));
        expect(
                List.of("identity.UserStatusChanged"),
                () -> api().post("/api/v1/users/" + userId + "/activate")
                        .token(admin)
                        .send()
                        .expect(200));
        expect(
                List.of(),
                () -> api().post("/api/v1/users/" + userId + "/activate")
                        .token(admin)
                        .send()
                        .expect(200));
        String third = api().login(email, "another horse 7");
        expect(
                List.of("identity.SessionRevoked"),
                () -> api().delete("/api/v1/sessions/current")
                        .token(third)
                        .send()
                        .expect(204));
        assertThat(api().get("/api/v1/users/me").token(second).send().status()).isEqualTo(401);

        // every event of this user, in order, numbered 1..n; its sessions each 1 (started), 2 (revoked)
        assertThat(rows("SELECT sequence, event_type FROM events WHERE aggregate_id = '" + userId
                        + "' ORDER BY position"))
                .containsExactly(
                        List.of("1", "identity.UserRegistered"),
                        List.of("2", "identity.UserEmailVerified"),
                        List.of("3", "identity.UserPasswordChanged"),
                        List.of("4", "identity.UserRoleChanged"),
                        List.of("5", "identity.UserStatusChanged"),
                        List.of("6", "identity.UserStatusChanged"));
        assertThat(rows("SELECT string_agg(sequence::text, ',' ORDER BY position) FROM events "
                        + "WHERE aggregate_type = 'identity.Session' AND payload->>'userId' = '" + userId + "' "
                        + "GROUP BY aggregate_id ORDER BY min(position)"))
                .containsExactly(List.of("1,2"), List.of("1,2"), List.of("1,2"));
        assertThat(rows("SELECT count(*) FROM events WHERE payload::text ~* 'hash|password|token'"))
                .as("no secret in any payload")
                .containsExactly(List.of("0"));

        TestUser a = api().newUser(admin, "evbulk", null);
        TestUser b = api().newUser(admin, "evbulk", null);
        expect(
                List.of(
                        "identity.UserStatusChanged",
                        "identity.UserRoleChanged",
                        "identity.UserStatusChanged",
                        "identity.UserRoleChanged",
                        "identity.SessionRevoked",
                        "identity.SessionRevoked"),
                () -> api().post("/api/v1/users/bulk-update")
                        .token(admin)
                        .json(Map.of("ids", List.of(a.id(), b.id()), "status", "INACTIVE", "role", "GUEST"))
                        .send()
                        .expect(200));
        expect(
                List.of(),
                () -> api().post("/api/v1/users/bulk-update")
                        .token(admin)
                        .json(Map.of("ids", List.of(a.id()), "status", "INACTIVE", "addTags", List.of("late")))
                        .send()
                        .expect(200));
        expect(
                List.of("identity.UserDeleted"),
                () -> api().delete("/api/v1/users/" + a.id())
                        .token(admin)
                        .ifMatch(etagOfUser(a.id(), admin))
                        .send()
                        .expect(204));
    }

    @Test
    void workspaceWritesRecordTheirFacts() {
        TestUser owner = api().newUser(adminToken(), "evws", "MANAGER");
        TestUser member = api().newUser(adminToken(), "evws", null);
        String projectId = (String) api().post("/api/v1/projects")
                .token(owner.token())
                .json(Map.of("name", "Gemini"))
                .send()
                .expect(201)
                .json()
                .get("id");
        expect(
                List.of("workspace.ProjectMemberAdded"),
                () -> api().post("/api/v1/projects/" + projectId + "/members")
                        .token(owner.token())
                        .json(Map.of("userId", member.id()))
                        .send()
                        .expect(200));
        String taskId = (String) expect(
                        List.of("workspace.TaskCreated"),
                        () -> api().post("/api/v1/projects/" + projectId + "/tasks")
                                .token(owner.token())
                                .json(Map.of("title", "Dock"))
                                .send()
                                .expect(201))
                .json()
                .get("id");
        expect(
                List.of("workspace.TaskAssigneeChanged"),
                () -> api().patch("/api/v1/tasks/" + taskId)
                        .token(owner.token())
                        .ifMatch(api().get("/api/v1/tasks/" + taskId)
                                .token(owner.token())
                                .send()
                                .etag())
                        .raw("{\"assigneeId\":\"" + member.id() + "\",\"title\":\"Dock twice\"}", PATCH)
                        .send()
                        .expect(200));
        expect(
                List.of("workspace.TaskStatusChanged"),
                () -> api().post("/api/v1/tasks/" + taskId + "/status")
                        .token(member.token())
                        .json(Map.of("status", "DONE"))
                        .send()
                        .expect(200));
        expect(
                List.of(),
                () -> api().post("/api/v1/tasks/" + taskId + "/hours")
                        .token(member.token())
                        .json(Map.of("hours", 2))
                        .send()
                        .expect(200));
        expect(
                List.of("workspace.ProjectStatusChanged"),
                () -> api().post("/api/v1/projects/" + projectId + "/status")
                        .token(owner.token())
                        .json(Map.of("status", "COMPLETED"))
                        .send()
                        .expect(200));
        String etag = api().get("/api/v1/projects/" + projectId)
                .token(owner.token())
                .send()
                .etag();
        warm(owner.token());
        long statements = sql().countDuring(() -> expect(
                List.of(),
                () -> api().patch("/api/v1/projects/" + projectId)
                        .token(owner.token())
                        .ifMatch(etag)
                        .raw("{\"description\":\"done\"}", PATCH)
                        .send()
                        .expect(200)));
        assertThat(statements)
                .as("a write without events costs what it did: the read and the versioned update (authentication "
                        + "is answered from the principal cache)")
                .isEqualTo(2);
        expect(
                List.of("workspace.ProjectStatusChanged"),
                () -> api().post("/api/v1/projects/" + projectId + "/status")
                        .token(owner.token())
                        .json(Map.of("status", "ACTIVE"))
                        .send()
                        .expect(200));
        String newTask = (String) api().post("/api/v1/projects/" + projectId + "/tasks")
                .token(owner.token())
                .json(Map.of("title", "Undock", "assigneeId", member.id()))
                .send()
                .expect(201)
                .json()
                .get("id");
        api().post("/api/v1/tasks/" + newTask + "/status")
                .token(member.token())
                .json(Map.of("status", "CANCELLED"))
                .send()
                .expect(200);
        expect(
                List.of("workspace.ProjectMemberRemoved"),
                () -> api().delete("/api/v1/projects/" + projectId + "/members/" + member.id())
                        .token(owner.token())
                        .ifMatch(api().get("/api/v1/projects/" + projectId)
                                .token(owner.token())
                                .send()
                                .etag())
                        .send()
                        .expect(200));

        warm(owner.token());
        long createTask = sql().countDuring(() -> api().post("/api/v1/projects/" + projectId + "/tasks")
                .token(owner.token())
                .json(Map.of("title", "Counted", "priority", "LOW"))
                .send()
                .expect(201));
        assertThat(createTask)
                .as("the project locked with its members, the task, its TaskCreated, the project's tally "
                        + "(authentication answered from the principal cache)")
                .isEqualTo(4);
        assertThat(rows("SELECT string_agg(sequence::text, ',' ORDER BY position) FROM events WHERE aggregate_id = '"
                        + projectId + "'"))
                .containsExactly(List.of("1,2,3,4,5"));
        assertThat(rows("SELECT string_agg(event_type, ',' ORDER BY position) FROM events WHERE aggregate_id = '"
                        + taskId + "'"))
                .containsExactly(List.of(
                        "workspace.TaskCreated,workspace.TaskAssigneeChanged," + "workspace.TaskStatusChanged"));
    }

    /** Members added to one project from real threads at once: the project's events are numbered 1..n. */
    @Test
    void concurrentRequestsOnOneAggregateNumberItsEventsWithoutGapsOrDuplicates() throws Exception {
        TestUser owner = api().newUser(adminToken(), "evrace", "MANAGER");
        List<TestUser> joiners = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            joiners.add(api().newUser(adminToken(), "evjoin", null));
        }
        String projectId = (String) api().post("/api/v1/projects")
                .token(owner.token())
                .json(Map.of("name", "Race"))
                .send()
                .expect(201)
                .json()
                .get("id");
        String taskId = (String) api().post("/api/v1/projects/" + projectId + "/tasks")
                .token(owner.token())
                .json(Map.of("title", "Contended"))
                .send()
                .expect(201)
                .json()
                .get("id");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                List<TestUser> mine = joiners.subList(t * 4, t * 4 + 4);
                work.add(threads.submit(() ->
                        mine.forEach(joiner -> api().post("/api/v1/projects/" + projectId + "/members")
                                .token(owner.token())
                                .json(Map.of("userId", joiner.id()))
                                .send()
                                .expect(200))));
            }
            work.add(threads.submit(() -> {
                for (int i = 0; i < 8; i++) {
                    api().post("/api/v1/tasks/" + taskId + "/status")
                            .token(owner.token())
                            .json(Map.of("status", i % 2 == 0 ? "IN_PROGRESS" : "TODO"))
                            .send()
                            .expect(200);
                }
            }));
            for (Future<?> done : work) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(rows("SELECT count(*), min(sequence), max(sequence), count(DISTINCT sequence) FROM events "
                        + "WHERE aggregate_id = '" + projectId + "'"))
                .containsExactly(List.of("13", "1", "13", "13"));
        assertThat(rows("SELECT count(*), min(sequence), max(sequence), count(DISTINCT sequence) FROM events "
                        + "WHERE aggregate_id = '" + taskId + "'"))
                .containsExactly(List.of("9", "1", "9", "9"));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Runs {@code request} and asserts that exactly these events were appended meanwhile. Order is promised per
     * aggregate only (its sequence numbers, asserted separately), not across the aggregates one request changes.
     */
    private Api.Response expect(List<String> types, java.util.function.Supplier<Api.Response> request) {
        long before = lastPosition();
        Api.Response response = request.get();
        assertThat(eventsAfter(before))
                .as(response.request())
                .extracting(e -> e.get("event_type"))
                .containsExactlyInAnyOrderElementsOf(types);
        return response;
    }

    private String etagOfUser(String id, String token) {
        return api().get("/api/v1/users/" + id).token(token).send().expect(200).etag();
    }

    private long lastPosition() {
        return Long.parseLong(
                rows("SELECT coalesce(max(position), 0) FROM events").get(0).get(0));
    }

    private List<Map<String, String>> eventsAfter(long position) {
        List<Map<String, String>> events = new ArrayList<>();
        query(
                "SELECT position, event_id, aggregate_type, aggregate_id, sequence, event_type, payload::text AS payload, "
                        + "occurred_at, txid FROM events WHERE position > " + position + " ORDER BY position",
                rs -> {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                    }
                    events.add(row);
                });
        return events;
    }

    private List<List<String>> rows(String select) {
        List<List<String>> rows = new ArrayList<>();
        query(select, rs -> {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.add(rs.getString(i));
            }
            rows.add(row);
        });
        return rows;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String select, Row row) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(select)) {
            while (rs.next()) {
                row.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(select, e);
        }
    }

    private void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Leaves the token's principal in the authentication cache, so that a counted request costs only its use case's
     * statements: the first read may write lastSeenAt (which reloads the cached copy), the second finds it cached.
     */
    private void warm(String token) {
        api().get("/api/v1/users/me").token(token).send().expect(200);
        api().get("/api/v1/users/me").token(token).send().expect(200);
    }
}
