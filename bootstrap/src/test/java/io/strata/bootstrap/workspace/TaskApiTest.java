package io.strata.bootstrap.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.Api.TestUser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Task endpoints over HTTP against the full application and PostgreSQL: add, read, merge patch,
 * status rules (dependencies, closed projects), hours, dependencies and cycles, "my tasks", and
 * exact project counters under concurrent status changes.
 */
class TaskApiTest extends WorkspaceApiSupport {

    // ================================================================== add and read

    @Test
    void membersAddTasksWithLocationAndETagAndTheProjectCountsThem() {
        TestUser owner = user("add-o");
        TestUser member = user("add-m");
        Map<String, Object> created = newProject(owner, "Add tasks", member);
        Object id = created.get("id");
        Map<String, Object> first = newTask(owner, id, "First");

        Api.Response response = api().post(project(id) + "/tasks")
                .token(member.token())
                .json(body(
                        "title",
                        "Second",
                        "description",
                        "d",
                        "priority",
                        "high",
                        "assigneeId",
                        member.id(),
                        "estimatedHours",
                        3.5,
                        "dueDate",
                        "2026-04-30",
                        "tags",
                        List.of("b", "a"),
                        "dependsOn",
                        List.of(first.get("id"))))
                .send()
                .expect(201);
        Map<String, Object> task = response.json();
        assertThat(task)
                .containsEntry("projectId", id)
                .containsEntry("title", "Second")
                .containsEntry("description", "d")
                .containsEntry("status", "TODO")
                .containsEntry("priority", "HIGH")
                .containsEntry("assigneeId", member.id())
                .containsEntry("dueDate", "2026-04-30")
                .containsEntry("tags", List.of("a", "b"))
                .containsEntry("dependsOn", List.of(first.get("id")))
                .containsEntry("completedAt", null);
        assertThat(((Number) task.get("estimatedHours")).doubleValue()).isEqualTo(3.5);
        assertThat(response.header("Location")).hasValue(task(task.get("id")));
        assertETagMatches(response);

        Api.Response read =
                api().get(task(task.get("id"))).token(owner.token()).send().expect(200);
        assertThat(read.json())
                .containsEntry("id", task.get("id"))
                .containsEntry("dependsOn", List.of(first.get("id")));
        assertThat(read.etag()).isEqualTo(response.etag());
        assertThat(getProject(owner, id)).containsEntry("taskCount", 2).containsEntry("completion", 0);

        api().get(task(UUID.randomUUID())).token(owner.token()).send().notFound();
        assertThat(api().get(task("nope")).token(owner.token()).send().errorFields(400))
                .containsExactly("id");
        api().get(task(task.get("id"))).send().problem(401);
        api().get(task(task.get("id"))).token(adminToken()).send().expect(200);
    }

    @Test
    void addingATaskValidatesItsFields() {
        TestUser owner = user("addv-o");
        TestUser outsider = user("addv-x");
        TestUser guest = user("addv-g", "GUEST");
        Object id = newProject(owner, "Validate tasks", guest).get("id");
        Object otherProjectTask = newTask(owner, newProject(owner, "Other").get("id"), "Elsewhere")
                .get("id");
        String path = project(id) + "/tasks";

        assertThat(api().post(path)
                        .token(owner.token())
                        .json(Map.of("title", " "))
                        .send()
                        .errorFields(400))
                .containsExactly("title");
        assertThat(api().post(path).token(owner.token()).json(Map.of()).send().errorFields(400))
                .containsExactly("title");
        // the assignee must be a member of the project
        Map<String, Object> notMember = api().post(path)
                .token(owner.token())
                .json(Map.of("title", "T", "assigneeId", outsider.id()))
                .send()
                .problem(400);
        assertThat(notMember.toString()).contains("assigneeId").contains("not a member");
        assertThat(api().post(path)
                        .token(owner.token())
                        .json(Map.of("title", "T", "assigneeId", "me"))
                        .send()
                        .errorFields(400))
                .containsExactly("assigneeId");
        assertThat(api().post(path)
                        .token(owner.token())
                        .json(Map.of("title", "T", "priority", "URGENT", "dependsOn", List.of("x")))
                        .send()
                        .errorFields(400))
                .containsExactly("priority", "dependsOn[0]");
        assertThat(api().post(path)
                        .token(owner.token())
                        .json(Map.of(
                                "title",
                                "T",
                                "dependsOn",
                                List.of(UUID.randomUUID().toString())))
                        .send()
                        .errorFields(400))
                .containsExactly("dependsOn");
        assertThat(api().post(path)
                        .token(owner.token())
                        .json(Map.of("title", "T", "dependsOn", List.of(otherProjectTask)))
                        .send()
                        .errorFields(400))
                .containsExactly("dependsOn");
        assertThat(api().post(path)
                        .token(owner.token())
                        .json(Map.of("title", "T", "estimatedHours", 1.234))
                        .send()
                        .errorFields(400))
                .containsExactly("estimatedHours");
        assertThat(api().post(path)
                        .token(owner.token())
                        .json(Map.of("title", "T", "estimatedHours", "many"))
                        .send()
                        .errorFields(400))
                .containsExactly("estimatedHours");
        assertThat(api().post(path)
                        .token(owner.token())
                        .json(Map.of("title", "T", "status", "DONE"))
                        .send()
                        .errorFields(400))
                .containsExactly("status");
        api().post(path)
                .token(owner.token())
                .raw("{", "application/json")
                .send()
                .problem(400);
        api().post(path).token(guest.token()).json(Map.of("title", "T")).send().problem(403);
        api().post(project(UUID.randomUUID()) + "/tasks")
                .token(owner.token())
                .json(Map.of("title", "T"))
                .send()
                .notFound();
        api().post(path).json(Map.of("title", "T")).send().problem(401);
        assertThat(getProject(owner, id)).containsEntry("taskCount", 0);
    }

    @Test
    void taskListsFilterSortAndPage() {
        TestUser owner = user("lst-o");
        TestUser member = user("lst-m");
        Object id = newProject(owner, "Lists", member).get("id");
        String past = LocalDate.now().minusDays(3).toString();
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(newTask(
                            owner,
                            id,
                            "Item " + i,
                            "priority",
                            i < 2 ? "HIGH" : "LOW",
                            "assigneeId",
                            i % 2 == 0 ? member.id() : null,
                            "dueDate",
                            i == 4 ? past : "2030-01-0" + (i + 1),
                            "tags",
                            List.of("t" + (i % 2)),
                            "description",
                            i == 3 ? "find the needle" : null)
                    .get("id"));
        }
        moveTask(owner, ids.get(1), "DONE").expect(200);
        String base = project(id) + "/tasks";

        Map<String, Object> all = api().get(base + "?count=exact")
                .token(member.token())
                .send()
                .expect(200)
                .json();
        assertThat(listOf(all.get("items"))).extracting(t -> t.get("id")).containsExactlyElementsOf(ids);
        assertThat(mapOf(all.get("page"))).containsEntry("total", 5);
        assertThat(api().get(base + "?status=eq.DONE")
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(t -> t.get("id"))
                .containsExactly(ids.get(1));
        assertThat(api().get(base + "?priority=eq.HIGH&status=neq.DONE")
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(t -> t.get("id"))
                .containsExactly(ids.get(0));
        assertThat(api().get(base + "?assigneeId=eq." + member.id())
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(t -> t.get("id"))
                .containsExactly(ids.get(0), ids.get(2), ids.get(4));
        assertThat(api().get(base + "?assigneeId=is.null")
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(t -> t.get("id"))
                .containsExactly(ids.get(1), ids.get(3));
        assertThat(api().get(base + "?overdue=is.true")
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(t -> t.get("id"))
                .containsExactly(ids.get(4));
        assertThat(api().get(base + "?tags=cs.t1")
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(t -> t.get("id"))
                .containsExactly(ids.get(1), ids.get(3));
        assertThat(api().get(base + "?q=needle")
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(t -> t.get("id"))
                .containsExactly(ids.get(3));
        assertThat(api().get(base + "?sort=-dueDate&limit=2")
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(t -> t.get("id"))
                .containsExactly(ids.get(3), ids.get(2));
        assertThat(api().get(base + "?page=2&size=2")
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(t -> t.get("id"))
                .containsExactly(ids.get(2), ids.get(3));
        assertThat(api().get(base + "?dueDate=gte.2030-01-02&dueDate=lte.2030-01-03")
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(t -> t.get("id"))
                .containsExactly(ids.get(1), ids.get(2));

        assertThat(api().get(base + "?actualHours=gt.1")
                        .token(member.token())
                        .send()
                        .errorFields(400))
                .containsExactly("actualHours");
        assertThat(api().get(base + "?overdue=is.maybe")
                        .token(member.token())
                        .send()
                        .errorFields(400))
                .containsExactly("overdue");
        assertThat(api().get(base + "?sort=priority")
                        .token(member.token())
                        .send()
                        .errorFields(400))
                .containsExactly("sort");
        assertThat(api().get(base + "?limit=0").token(member.token()).send().errorFields(400))
                .containsExactly("limit");
        api().get(project(UUID.randomUUID()) + "/tasks")
                .token(member.token())
                .send()
                .notFound();
        api().get(base).send().problem(401);
    }

    @Test
    void myTasksAreTheCallersAcrossProjects() {
        TestUser owner = user("mine-o");
        TestUser me = user("mine-me");
        TestUser other = user("mine-x");
        Object p1 = newProject(owner, "Mine 1", me, other).get("id");
        Object p2 = newProject(owner, "Mine 2", me).get("id");
        Object a = newTask(owner, p1, "A", "assigneeId", me.id()).get("id");
        Object b = newTask(
                        owner,
                        p2,
                        "B",
                        "assigneeId",
                        me.id(),
                        "dueDate",
                        LocalDate.now().minusDays(5).toString())
                .get("id");
        newTask(owner, p1, "Not mine", "assigneeId", other.id());
        newTask(owner, p2, "Nobody's");
        Object c = newTask(owner, p2, "C", "assigneeId", me.id()).get("id");
        moveTask(me, c, "DONE").expect(200);

        assertThat(api().get("/api/v1/me/tasks")
                        .token(me.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(t -> t.get("id"))
                .containsExactly(a, b, c);
        assertThat(api().get("/api/v1/me/tasks?projectId=eq." + p2 + "&status=neq.DONE")
                        .token(me.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(t -> t.get("id"))
                .containsExactly(b);
        assertThat(api().get("/api/v1/me/tasks?overdue=is.true")
                        .token(me.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(t -> t.get("id"))
                .containsExactly(b);
        assertThat(api().get("/api/v1/me/tasks?sort=-createdAt&limit=1")
                        .token(me.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(t -> t.get("id"))
                .containsExactly(c);
        assertThat(api().get("/api/v1/me/tasks")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .isEmpty();
        assertThat(api().get("/api/v1/me/tasks?owner=eq.x")
                        .token(me.token())
                        .send()
                        .errorFields(400))
                .containsExactly("owner");
        api().get("/api/v1/me/tasks").send().problem(401);
    }

    // ================================================================== merge patch

    @Test
    void membersPatchTasksWithIfMatchAndAssignOnlyMembers() {
        TestUser owner = user("tp-o");
        TestUser member = user("tp-m");
        TestUser outsider = user("tp-x");
        TestUser guest = user("tp-g", "GUEST");
        Object id = newProject(owner, "Patch tasks", member, guest).get("id");
        Map<String, Object> created =
                newTask(owner, id, "Patch me", "description", "old", "dueDate", "2026-05-05", "tags", List.of("a"));
        Object taskId = created.get("id");
        String etag = etagOf(created);

        Api.Response patched = api().patch(task(taskId))
                .token(member.token())
                .ifMatch(etag)
                .raw(
                        "{\"title\":\"New\","
                                + "\"priority\":\"LOW\",\"estimatedHours\":12.75,\"assigneeId\":\"" + member.id()
                                + "\","
                                + "\"tags\":[\"z\"]}",
                        PATCH)
                .send()
                .expect(200);
        assertThat(patched.json())
                .containsEntry("title", "New")
                .containsEntry("priority", "LOW")
                .containsEntry("assigneeId", member.id())
                .containsEntry("tags", List.of("z"))
                .containsEntry("description", "old")
                .containsEntry("dueDate", "2026-05-05");
        assertThat(((Number) patched.json().get("estimatedHours")).doubleValue())
                .isEqualTo(12.75);
        assertETagMatches(patched);

        Map<String, Object> cleared = api().patch(task(taskId))
                .token(owner.token())
                .ifMatch(patched.etag())
                .raw(
                        "{\"assigneeId\":null,\"dueDate\":null,\"description\":null,\"estimatedHours\":null}",
                        "application/json")
                .send()
                .expect(200)
                .json();
        assertThat(cleared)
                .containsEntry("assigneeId", null)
                .containsEntry("dueDate", null)
                .containsEntry("description", null)
                .containsEntry("estimatedHours", null)
                .containsEntry("title", "New");
        String current = etagOf(cleared);

        // the assignee must be a member
        assertThat(api().patch(task(taskId))
                        .token(owner.token())
                        .ifMatch(current)
                        .raw("{\"assigneeId\":\"" + outsider.id() + "\"}", PATCH)
                        .send()
                        .errorFields(400))
                .containsExactly("assigneeId");
        assertThat(api().patch(task(taskId))
                        .token(owner.token())
                        .ifMatch(current)
                        .raw("{\"assigneeId\":\"x\",\"estimatedHours\":-1,\"dueDate\":\"may\"}", PATCH)
                        .send()
                        .errorFields(400))
                .containsExactlyInAnyOrder("assigneeId", "dueDate");
        assertThat(api().patch(task(taskId))
                        .token(owner.token())
                        .ifMatch(current)
                        .raw("{\"estimatedHours\":-1}", PATCH)
                        .send()
                        .errorFields(400))
                .containsExactly("estimatedHours");
        for (String field : List.of("status", "actualHours", "projectId", "dependsOn", "completedAt", "version")) {
            Api.Response response = api().patch(task(taskId))
                    .token(owner.token())
                    .ifMatch(current)
                    .raw("{\"" + field + "\":null}", PATCH)
                    .send();
            assertThat(response.errorFields(400)).as(field).containsExactly(field);
            assertThat((String) response.json().get("detail"))
                    .contains(
                            "patchable fields: assigneeId, description, dueDate, estimatedHours, priority, tags, title");
        }

        // If-Match, roles, existence
        api().patch(task(taskId))
                .token(owner.token())
                .raw("{\"title\":\"X\"}", PATCH)
                .send()
                .problem(428);
        Api.Response stale = api().patch(task(taskId))
                .token(owner.token())
                .ifMatch(etag)
                .raw("{\"title\":\"X\"}", PATCH)
                .send();
        stale.problem(412);
        assertThat(stale.etag()).isEqualTo(current);
        api().patch(task(taskId))
                .token(guest.token())
                .ifMatch(current)
                .raw("{\"title\":\"X\"}", PATCH)
                .send()
                .problem(403);
        api().patch(task(UUID.randomUUID()))
                .token(owner.token())
                .ifMatch(current)
                .raw("{\"title\":\"X\"}", PATCH)
                .send()
                .notFound();
        api().patch(task(taskId))
                .ifMatch(current)
                .raw("{\"title\":\"X\"}", PATCH)
                .send()
                .problem(401);
        assertThat(api().get(task(taskId))
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .etag())
                .isEqualTo(current);
    }

    // ================================================================== status, dependencies, hours

    @Test
    void taskStatusMovesAndUpdatesTheProjectCounters() {
        TestUser owner = user("ts-o");
        TestUser guest = user("ts-g", "GUEST");
        Map<String, Object> created = api().post(PROJECTS)
                .token(owner.token())
                .json(body(
                        "name",
                        "Task status",
                        "members",
                        List.of(guest.id()),
                        "tasks",
                        List.of(body("title", "A"), body("title", "B"), body("title", "C"), body("title", "D"))))
                .send()
                .expect(201)
                .json();
        Object id = created.get("id");
        List<Object> ids =
                listOf(created.get("tasks")).stream().map(t -> t.get("id")).toList();

        Api.Response started = moveTask(owner, ids.get(0), "in_progress").expect(200);
        assertThat(started.json()).containsEntry("status", "IN_PROGRESS").containsEntry("completedAt", null);
        assertETagMatches(started);
        moveTask(owner, ids.get(0), "IN_PROGRESS").problem(409);

        Map<String, Object> done =
                moveTask(owner, ids.get(0), "DONE").expect(200).json();
        assertThat(done.get("completedAt")).isNotNull();
        assertThat(getProject(owner, id)).containsEntry("taskCount", 4).containsEntry("completion", 25);
        moveTask(owner, ids.get(1), "CANCELLED").expect(200);
        assertThat(getProject(owner, id)).containsEntry("completion", 33);
        Map<String, Object> reopened =
                moveTask(owner, ids.get(0), "TODO").expect(200).json();
        assertThat(reopened).containsEntry("completedAt", null);
        assertThat(getProject(owner, id)).containsEntry("completion", 0);

        // the optional If-Match is checked when given
        String etag = api().get(task(ids.get(2))).token(owner.token()).send().etag();
        api().post(task(ids.get(2)) + "/status")
                .token(owner.token())
                .ifMatch("\"42\"")
                .json(Map.of("status", "BLOCKED"))
                .send()
                .problem(412);
        api().post(task(ids.get(2)) + "/status")
                .token(owner.token())
                .ifMatch("nope")
                .json(Map.of("status", "BLOCKED"))
                .send()
                .problem(400);
        api().post(task(ids.get(2)) + "/status")
                .token(owner.token())
                .ifMatch(etag)
                .json(Map.of("status", "BLOCKED"))
                .send()
                .expect(200);

        assertThat(moveTask(owner, ids.get(3), "FINISHED").errorFields(400)).containsExactly("status");
        assertThat(api().post(task(ids.get(3)) + "/status")
                        .token(owner.token())
                        .json(Map.of())
                        .send()
                        .errorFields(400))
                .containsExactly("status");
        moveTask(guest, ids.get(3), "DONE").problem(403);
        moveTask(owner, UUID.randomUUID(), "DONE").notFound();
        api().post(task(ids.get(3)) + "/status")
                .json(Map.of("status", "DONE"))
                .send()
                .problem(401);

        // a closed project's tasks are not reopened
        moveTask(owner, ids.get(2), "CANCELLED").expect(200);
        moveTask(owner, ids.get(3), "DONE").expect(200);
        api().post(project(id) + "/status")
                .token(owner.token())
                .json(Map.of("status", "CANCELLED"))
                .send()
                .expect(200);
        moveTask(owner, ids.get(3), "TODO").problem(409);
    }

    @Test
    void dependenciesRefuseCyclesAndBlockDoneWhileOpen() {
        TestUser owner = user("dep-o");
        TestUser guest = user("dep-g", "GUEST");
        Object id = newProject(owner, "Dependencies", guest).get("id");
        Object a = newTask(owner, id, "A").get("id");
        Object b = newTask(owner, id, "B", "dependsOn", List.of(a)).get("id");
        Object c = newTask(owner, id, "C", "dependsOn", List.of(b)).get("id");
        Object elsewhere =
                newTask(owner, newProject(owner, "Elsewhere").get("id"), "X").get("id");

        // A -> C would close the cycle A -> C -> B -> A: 409 naming it
        Map<String, Object> cycle = api().post(task(a) + "/dependencies")
                .token(owner.token())
                .json(Map.of("taskId", c))
                .send()
                .problem(409);
        assertThat((String) cycle.get("detail")).contains("cycle").contains(a + " -> " + c + " -> " + b + " -> " + a);
        assertThat((String) api().post(task(a) + "/dependencies")
                        .token(owner.token())
                        .json(Map.of("taskId", a))
                        .send()
                        .problem(409)
                        .get("detail"))
                .contains("itself");
        assertThat((String) api().post(task(c) + "/dependencies")
                        .token(owner.token())
                        .json(Map.of("taskId", b))
                        .send()
                        .problem(409)
                        .get("detail"))
                .contains("already depends");
        assertThat(api().post(task(c) + "/dependencies")
                        .token(owner.token())
                        .json(Map.of("taskId", elsewhere))
                        .send()
                        .errorFields(400))
                .containsExactly("taskId");
        assertThat(api().post(task(c) + "/dependencies")
                        .token(owner.token())
                        .json(Map.of("taskId", UUID.randomUUID().toString()))
                        .send()
                        .errorFields(400))
                .containsExactly("taskId");
        assertThat(api().post(task(c) + "/dependencies")
                        .token(owner.token())
                        .json(Map.of("taskId", "x"))
                        .send()
                        .errorFields(400))
                .containsExactly("taskId");
        assertThat(api().post(task(c) + "/dependencies")
                        .token(owner.token())
                        .json(Map.of())
                        .send()
                        .errorFields(400))
                .containsExactly("taskId");
        api().post(task(c) + "/dependencies")
                .token(guest.token())
                .json(Map.of("taskId", a))
                .send()
                .problem(403);

        Map<String, Object> added = api().post(task(c) + "/dependencies")
                .token(owner.token())
                .json(Map.of("taskId", a))
                .send()
                .expect(200)
                .json();
        assertThat(values(added.get("dependsOn"))).containsExactlyInAnyOrder(a, b);

        // a task cannot be DONE while a dependency is open
        Map<String, Object> blocked = moveTask(owner, b, "DONE").problem(409);
        assertThat((String) blocked.get("detail"))
                .contains("dependencies are open")
                .contains(a.toString());
        moveTask(owner, a, "DONE").expect(200);
        moveTask(owner, b, "DONE").expect(200);
        // ... and a dependency cannot be reopened while a DONE task depends on it
        assertThat((String) moveTask(owner, a, "IN_PROGRESS").problem(409).get("detail"))
                .contains(b.toString());
        moveTask(owner, c, "DONE").expect(200);

        // removing a dependency needs the task's current ETag
        Object d = newTask(owner, id, "D", "dependsOn", List.of(a, b)).get("id");
        String etag = api().get(task(d)).token(owner.token()).send().etag();
        String path = task(d) + "/dependencies/" + a;
        api().delete(path).token(owner.token()).send().problem(428);
        api().delete(path).token(owner.token()).ifMatch("\"77\"").send().problem(412);
        api().delete(path).token(guest.token()).ifMatch(etag).send().problem(403);
        Api.Response removed =
                api().delete(path).token(owner.token()).ifMatch(etag).send().expect(200);
        assertThat(removed.json()).containsEntry("dependsOn", List.of(b));
        assertETagMatches(removed);
        assertThat((String) api().delete(path)
                        .token(owner.token())
                        .ifMatch(removed.etag())
                        .send()
                        .problem(409)
                        .get("detail"))
                .contains("does not depend");
        assertThat(api().delete(task(d) + "/dependencies/x")
                        .token(owner.token())
                        .ifMatch(removed.etag())
                        .send()
                        .errorFields(400))
                .containsExactly("dependsOnId");
        api().delete(task(UUID.randomUUID()) + "/dependencies/" + a)
                .token(owner.token())
                .ifMatch(etag)
                .send()
                .notFound();
        api().delete(path).ifMatch(etag).send().problem(401);
        api().post(task(d) + "/dependencies").json(Map.of("taskId", a)).send().problem(401);
    }

    @Test
    void hoursAreLoggedAndAddUpUnderConcurrency() throws Exception {
        TestUser owner = user("hrs-o");
        TestUser guest = user("hrs-g", "GUEST");
        Object id = newProject(owner, "Hours", guest).get("id");
        Object t = newTask(owner, id, "Work").get("id");
        String path = task(t) + "/hours";

        Api.Response logged = api().post(path)
                .token(owner.token())
                .json(Map.of("hours", 1.5))
                .send()
                .expect(200);
        assertThat(((Number) logged.json().get("actualHours")).doubleValue()).isEqualTo(1.5);
        assertETagMatches(logged);
        for (Object bad : List.of(0, -1, 1000.01, 1.234)) {
            assertThat(api().post(path)
                            .token(owner.token())
                            .json(Map.of("hours", bad))
                            .send()
                            .errorFields(400))
                    .as(String.valueOf(bad))
                    .containsExactly("hours");
        }
        assertThat(api().post(path).token(owner.token()).json(Map.of()).send().errorFields(400))
                .containsExactly("hours");
        assertThat(api().post(path)
                        .token(owner.token())
                        .json(Map.of("hours", "two"))
                        .send()
                        .errorFields(400))
                .containsExactly("hours");
        api().post(path).token(guest.token()).json(Map.of("hours", 1)).send().problem(403);
        api().post(task(UUID.randomUUID()) + "/hours")
                .token(owner.token())
                .json(Map.of("hours", 1))
                .send()
                .notFound();
        api().post(path).json(Map.of("hours", 1)).send().problem(401);

        int clients = 10;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api().post(path)
                            .token(owner.token())
                            .json(Map.of("hours", 0.25))
                            .send()
                            .status();
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(((Number) api().get(task(t))
                                .token(owner.token())
                                .send()
                                .expect(200)
                                .json()
                                .get("actualHours"))
                        .doubleValue())
                .isEqualTo(4.0);
    }

    // ================================================================== concurrency

    @Test
    void twentyConcurrentStatusChangesKeepTheProjectCountersExact() throws Exception {
        TestUser owner = user("race");
        Map<String, Object> created = projectWithTasks(owner, "Race", 20);
        Object id = created.get("id");
        List<Object> ids =
                listOf(created.get("tasks")).stream().map(t -> t.get("id")).toList();

        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Object taskId : ids) {
                results.add(pool.submit(() -> {
                    start.await();
                    return moveTask(owner, taskId, "DONE").status();
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(getProject(owner, id)).containsEntry("taskCount", 20).containsEntry("completion", 100);
        Map<String, Object> progress = api().get(project(id) + "/progress")
                .token(owner.token())
                .send()
                .expect(200)
                .json();
        assertThat(mapOf(progress.get("byStatus"))).containsEntry("DONE", 20).containsEntry("TODO", 0);
        api().post(project(id) + "/status")
                .token(owner.token())
                .json(Map.of("status", "COMPLETED"))
                .send()
                .expect(200);
    }

    /** Adds and moves at once: the tally each adjusts under the project's lock is what the tasks add up to. */
    @Test
    void concurrentAddsAndMovesKeepTheTallyEqualToTheTasks() throws Exception {
        TestUser owner = user("tally");
        Map<String, Object> created = projectWithTasks(owner, "Tally", 12);
        Object id = created.get("id");
        List<Object> ids =
                listOf(created.get("tasks")).stream().map(t -> t.get("id")).toList();
        String before = getProject(owner, id).get("updatedAt").toString();

        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Object taskId = ids.get(i);
                String to = i % 3 == 0 ? "DONE" : i % 3 == 1 ? "CANCELLED" : "IN_PROGRESS";
                results.add(pool.submit(() -> {
                    start.await();
                    return moveTask(owner, taskId, to).status();
                }));
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return api().post(project(id) + "/tasks")
                            .token(owner.token())
                            .json(Map.of("title", "Added " + n))
                            .send()
                            .status();
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isIn(200, 201);
            }
        } finally {
            pool.shutdownNow();
        }
        // 24 tasks: 4 DONE, 4 CANCELLED, 16 open; completion 4 of the 20 not cancelled
        Map<String, Object> project = getProject(owner, id);
        assertThat(project).containsEntry("taskCount", 24).containsEntry("completion", 20);
        assertThat(project.get("updatedAt"))
                .as("the tally does not touch the project")
                .hasToString(before);
        Map<String, Object> progress = api().get(project(id) + "/progress")
                .token(owner.token())
                .send()
                .expect(200)
                .json();
        assertThat(mapOf(progress.get("byStatus")))
                .containsEntry("DONE", 4)
                .containsEntry("CANCELLED", 4)
                .containsEntry("IN_PROGRESS", 4)
                .containsEntry("TODO", 12);
        assertThat(progress).containsEntry("completion", 20);
    }

    /** A new project of {@code owner}'s, created with {@code n} TODO tasks: the created response. */
    private Map<String, Object> projectWithTasks(TestUser owner, String name, int n) {
        List<Map<String, Object>> initial = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            initial.add(body("title", name + " " + i));
        }
        return api().post(PROJECTS)
                .token(owner.token())
                .json(body("name", name, "tasks", initial))
                .send()
                .expect(201)
                .json();
    }
}
