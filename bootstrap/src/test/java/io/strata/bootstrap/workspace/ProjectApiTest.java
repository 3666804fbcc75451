package io.strata.bootstrap.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.Api.TestUser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Project endpoints over HTTP against the full application and PostgreSQL: create with initial tasks
 * (all or nothing, idempotent), read with embedded tasks, search, merge patch, status, progress,
 * members, visibility (non-members get 404 everywhere) and statement counts.
 */
class ProjectApiTest extends WorkspaceApiSupport {
    private static final Set<String> PROJECT_FIELDS = Set.of(
            "id",
            "name",
            "description",
            "status",
            "priority",
            "ownerId",
            "members",
            "startDate",
            "dueDate",
            "budget",
            "tags",
            "taskCount",
            "completion",
            "version",
            "createdAt",
            "updatedAt");
    private static final Set<String> TASK_FIELDS = Set.of(
            "id",
            "projectId",
            "title",
            "description",
            "status",
            "priority",
            "assigneeId",
            "estimatedHours",
            "actualHours",
            "dueDate",
            "tags",
            "dependsOn",
            "completedAt",
            "version",
            "createdAt",
            "updatedAt");

    private long projectCount(TestUser who) {
        Map<String, Object> page = mapOf(api().get(PROJECTS + "?count=exact&limit=1")
                .token(who.token())
                .send()
                .expect(200)
                .json()
                .get("page"));
        return number(page.get("total"));
    }

    // ================================================================== create

    @Test
    void createsAProjectWithItsInitialTasksLocationAndETag() {
        TestUser owner = user("p-own");
        TestUser member = user("p-mem");
        Map<String, Object> body = body(
                "name",
                "Website relaunch",
                "description",
                "New site",
                "priority",
                "high",
                "members",
                List.of(member.id()),
                "startDate",
                "2026-02-01",
                "dueDate",
                "2026-06-30",
                "budget",
                Map.of("amount", 12500.5, "currency", "EUR"),
                "tags",
                List.of("web", "2026"),
                "tasks",
                List.of(
                        body(
                                "key",
                                "design",
                                "title",
                                "Design",
                                "priority",
                                "CRITICAL",
                                "assigneeId",
                                member.id(),
                                "estimatedHours",
                                8.25,
                                "dueDate",
                                "2026-03-01",
                                "tags",
                                List.of("ux")),
                        body("key", "build", "title", "Build", "dependsOn", List.of("design")),
                        body("title", "Ship", "dependsOn", List.of("1", "design"))));
        Api.Response response =
                api().post(PROJECTS).token(owner.token()).json(body).send().expect(201);

        Map<String, Object> created = response.json();
        Set<String> expectedKeys = new HashSet<>(PROJECT_FIELDS);
        expectedKeys.add("tasks");
        assertThat(created.keySet()).isEqualTo(expectedKeys);
        assertThat(created)
                .containsEntry("name", "Website relaunch")
                .containsEntry("description", "New site")
                .containsEntry("status", "PLANNING")
                .containsEntry("priority", "HIGH")
                .containsEntry("ownerId", owner.id())
                .containsEntry("startDate", "2026-02-01")
                .containsEntry("dueDate", "2026-06-30")
                .containsEntry("tags", List.of("2026", "web"))
                .containsEntry("taskCount", 3)
                .containsEntry("completion", 0);
        assertThat(values(created.get("members"))).containsExactlyInAnyOrder(owner.id(), member.id());
        Map<String, Object> budget = mapOf(created.get("budget"));
        assertThat(((Number) budget.get("amount")).doubleValue()).isEqualTo(12500.5);
        assertThat(budget).containsEntry("currency", "EUR");
        assertThat(response.header("Location")).hasValue(project(created.get("id")));
        assertETagMatches(response);

        List<Map<String, Object>> tasks = listOf(created.get("tasks"));
        assertThat(tasks).extracting(t -> t.get("title")).containsExactly("Design", "Build", "Ship");
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.keySet()).isEqualTo(TASK_FIELDS);
            assertThat(t).containsEntry("projectId", created.get("id")).containsEntry("status", "TODO");
        });
        Map<String, Object> design = tasks.get(0);
        assertThat(design)
                .containsEntry("priority", "CRITICAL")
                .containsEntry("assigneeId", member.id())
                .containsEntry("dueDate", "2026-03-01")
                .containsEntry("tags", List.of("ux"))
                .containsEntry("dependsOn", List.of())
                .containsEntry("completedAt", null);
        assertThat(((Number) design.get("estimatedHours")).doubleValue()).isEqualTo(8.25);
        assertThat(((Number) design.get("actualHours")).doubleValue()).isZero();
        assertThat(tasks.get(1))
                .containsEntry("dependsOn", List.of(design.get("id")))
                .containsEntry("priority", "MEDIUM")
                .containsEntry("assigneeId", null);
        assertThat(values(tasks.get(2).get("dependsOn")))
                .containsExactlyInAnyOrder(design.get("id"), tasks.get(1).get("id"));

        // what was stored is what the response said (member order and timestamp precision aside)
        Map<String, Object> read = getProject(member, created.get("id"));
        assertThat(values(read.get("members"))).containsExactlyInAnyOrderElementsOf(values(created.get("members")));
        for (String field : PROJECT_FIELDS) {
            if (!Set.of("members", "createdAt", "updatedAt").contains(field)) {
                assertThat(read.get(field)).as(field).isEqualTo(created.get(field));
            }
        }
        assertThat(java.time.Instant.parse((String) read.get("createdAt")))
                .isCloseTo(
                        java.time.Instant.parse((String) created.get("createdAt")),
                        org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void createReportsInvalidProjectFields() {
        TestUser owner = user("p-inv");
        assertThat(api().post(PROJECTS)
                        .token(owner.token())
                        .json(body(
                                "priority",
                                "HUGE",
                                "members",
                                List.of("x"),
                                "budget",
                                Map.of("amount", -1, "currency", "EUR")))
                        .send()
                        .errorFields(400))
                .containsExactlyInAnyOrder("priority", "members[0]", "budget.amount");
        assertThat(api().post(PROJECTS)
                        .token(owner.token())
                        .json(body("name", " "))
                        .send()
                        .errorFields(400))
                .containsExactly("name");
        assertThat(api().post(PROJECTS)
                        .token(owner.token())
                        .json(Map.of())
                        .send()
                        .errorFields(400))
                .containsExactly("name");
        assertThat(api().post(PROJECTS)
                        .token(owner.token())
                        .json(body("name", "P", "startDate", "2026-05-01", "dueDate", "2026-04-01"))
                        .send()
                        .errorFields(400))
                .containsExactly("dueDate");
        assertThat(api().post(PROJECTS)
                        .token(owner.token())
                        .json(body("name", "P", "budget", Map.of("amount", 1, "currency", "euro")))
                        .send()
                        .errorFields(400))
                .containsExactly("budget.currency");
        assertThat(api().post(PROJECTS)
                        .token(owner.token())
                        .json(body(
                                "name",
                                "P",
                                "members",
                                List.of(UUID.randomUUID().toString())))
                        .send()
                        .errorFields(400))
                .containsExactly("members");
        assertThat(api().post(PROJECTS)
                        .token(owner.token())
                        .json(body("name", "P", "startDate", "soon"))
                        .send()
                        .errorFields(400))
                .containsExactly("startDate");
        Api.Response unknown = api().post(PROJECTS)
                .token(owner.token())
                .json(body("name", "P", "ownerId", owner.id()))
                .send();
        assertThat(unknown.errorFields(400)).containsExactly("ownerId");
        assertThat((String) unknown.json().get("detail"))
                .contains("allowed fields")
                .contains("members");
        api().post(PROJECTS)
                .token(owner.token())
                .raw("{\"name\":", "application/json")
                .send()
                .problem(400);
        api().post(PROJECTS)
                .token(owner.token())
                .raw("[]", "application/json")
                .send()
                .problem(400);
        api().post(PROJECTS).token(owner.token()).send().problem(400);
        api().post(PROJECTS).json(body("name", "P")).send().problem(401);
        api().post(PROJECTS).token("not-a-token").json(body("name", "P")).send().problem(401);
        TestUser guest = user("p-guest", "GUEST");
        api().post(PROJECTS).token(guest.token()).json(body("name", "P")).send().problem(403);
    }

    @Test
    void createIsAllOrNothingAndListsEveryInvalidTask() {
        TestUser owner = user("aon-own");
        TestUser member = user("aon-mem");
        TestUser outsider = user("aon-out");
        long before = projectCount(owner);

        Api.Response response = api().post(PROJECTS)
                .token(owner.token())
                .json(body(
                        "name",
                        "All or nothing",
                        "members",
                        List.of(member.id()),
                        "tasks",
                        List.of(
                                body("key", "a", "title", "Fine"),
                                body("key", "b", "title", " "),
                                body("key", "c", "title", "Also fine", "assigneeId", member.id()),
                                body("key", "d", "title", "Outsider", "assigneeId", outsider.id()),
                                body("key", "e", "title", "Dangling", "dependsOn", List.of("nope")),
                                body("key", "f", "title", "Hours", "estimatedHours", 1.234),
                                // positions in ASCII only: Integer.parseInt reads "+0" and "٠" (Arabic-Indic 0) as 0
                                body("key", "g", "title", "Signed", "dependsOn", List.of("+0")),
                                body("key", "h", "title", "Arabic", "dependsOn", List.of("٠")))))
                .send();
        assertThat(response.errorFields(400))
                .containsExactlyInAnyOrder(
                        "tasks[1].title",
                        "tasks[3].assigneeId",
                        "tasks[4].dependsOn",
                        "tasks[5].estimatedHours",
                        "tasks[6].dependsOn",
                        "tasks[7].dependsOn");
        assertThat(projectCount(owner)).isEqualTo(before);

        // a cycle among the initial tasks is reported like any other invalid task
        Api.Response cycle = api().post(PROJECTS)
                .token(owner.token())
                .json(body(
                        "name",
                        "Cycle",
                        "tasks",
                        List.of(
                                body("key", "x", "title", "X", "dependsOn", List.of("y")),
                                body("key", "y", "title", "Y", "dependsOn", List.of("x")))))
                .send();
        assertThat(cycle.errorFields(400)).containsExactly("tasks[1].dependsOn");
        assertThat((String) cycle.json().get("detail"))
                .contains("cycle")
                .contains("x")
                .contains("y");

        // unreadable task values are 400s too, named by position
        assertThat(api().post(PROJECTS)
                        .token(owner.token())
                        .json(body(
                                "name",
                                "Bad",
                                "tasks",
                                List.of(
                                        body("title", "T", "priority", "URGENT"),
                                        body("title", "U", "assigneeId", "me"),
                                        body("title", "V", "dueDate", "2026-13-01"))))
                        .send()
                        .errorFields(400))
                .containsExactly("tasks[2].dueDate");
        assertThat(api().post(PROJECTS)
                        .token(owner.token())
                        .json(body(
                                "name",
                                "Bad",
                                "tasks",
                                List.of(
                                        body("title", "T", "priority", "URGENT"),
                                        body("title", "U", "assigneeId", "me"))))
                        .send()
                        .errorFields(400))
                .containsExactly("tasks[0].priority", "tasks[1].assigneeId");
        assertThat(api().post(PROJECTS)
                        .token(owner.token())
                        .json(body("name", "Bad", "tasks", List.of(body("title", "T", "status", "DONE"))))
                        .send()
                        .errorFields(400))
                .containsExactly("tasks[0].status");

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= 500; i++) {
            tooMany.add(body("title", "T" + i));
        }
        assertThat(api().post(PROJECTS)
                        .token(owner.token())
                        .json(body("name", "Big", "tasks", tooMany))
                        .send()
                        .errorFields(400))
                .containsExactly("tasks");
        assertThat(projectCount(owner)).isEqualTo(before);

        // the same request without the invalid tasks is stored with every task
        Map<String, Object> ok = api().post(PROJECTS)
                .token(owner.token())
                .json(body(
                        "name",
                        "Now valid",
                        "members",
                        List.of(member.id()),
                        "tasks",
                        List.of(
                                body("key", "a", "title", "Fine"),
                                body("title", "Also fine", "assigneeId", member.id(), "dependsOn", List.of("a")))))
                .send()
                .expect(201)
                .json();
        assertThat(ok).containsEntry("taskCount", 2);
        assertThat(projectCount(owner)).isEqualTo(before + 1);
    }

    @Test
    void createHonoursIdempotencyKey() {
        TestUser owner = user("idem");
        long before = projectCount(owner);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = body("name", "Once", "tasks", List.of(body("title", "T")));

        Api.Response first = api().post(PROJECTS)
                .token(owner.token())
                .header("Idempotency-Key", key)
                .json(body)
                .send()
                .expect(201);
        Api.Response retry = api().post(PROJECTS)
                .token(owner.token())
                .header("Idempotency-Key", key)
                .json(body)
                .send()
                .expect(201);
        assertThat(retry.header("Idempotency-Replayed")).hasValue("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.etag()).isEqualTo(first.etag());
        assertThat(projectCount(owner)).isEqualTo(before + 1);

        api().post(PROJECTS)
                .token(owner.token())
                .header("Idempotency-Key", key)
                .json(body("name", "Other"))
                .send()
                .problem(409);
        api().post(PROJECTS)
                .token(owner.token())
                .header("Idempotency-Key", "bad key")
                .json(body)
                .send()
                .problem(400);
        api().post(PROJECTS)
                .token(owner.token())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(body)
                .send()
                .expect(201);
        assertThat(projectCount(owner)).isEqualTo(before + 2);
    }

    // ================================================================== read

    @Test
    void getReturnsTheProjectWithETagAndOptionallyAPageOfItsTasks() {
        TestUser owner = user("get");
        List<Map<String, Object>> initial = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            initial.add(body("title", "T" + i));
        }
        Map<String, Object> created = api().post(PROJECTS)
                .token(owner.token())
                .json(body("name", "Read me", "tasks", initial))
                .send()
                .expect(201)
                .json();
        Object id = created.get("id");
        List<Object> taskIds =
                listOf(created.get("tasks")).stream().map(t -> t.get("id")).toList();

        Api.Response plain = api().get(project(id)).token(owner.token()).send().expect(200);
        assertThat(plain.json().keySet()).isEqualTo(PROJECT_FIELDS);
        assertETagMatches(plain);

        Api.Response embedded = api().get(project(id) + "?include=tasks&taskLimit=2")
                .token(owner.token())
                .send()
                .expect(200);
        assertThat(embedded.etag()).isEqualTo(plain.etag());
        Map<String, Object> withTasks = embedded.json();
        assertThat(withTasks).containsAllEntriesOf(plain.json()).containsKey("tasks");
        Map<String, Object> tasks = mapOf(withTasks.get("tasks"));
        assertThat(tasks).containsOnlyKeys("items", "page");
        assertThat(mapOf(tasks.get("page"))).containsEntry("limit", 2).containsEntry("total", null);

        // the embedded page continues at /projects/{id}/tasks?cursor=
        List<Object> walked = new ArrayList<>(
                listOf(tasks.get("items")).stream().map(t -> t.get("id")).toList());
        String cursor = (String) mapOf(tasks.get("page")).get("nextCursor");
        while (cursor != null && walked.size() < 10) {
            Map<String, Object> next = api().get(project(id) + "/tasks?limit=2&cursor=" + cursor)
                    .token(owner.token())
                    .send()
                    .expect(200)
                    .json();
            listOf(next.get("items")).forEach(t -> walked.add(t.get("id")));
            cursor = (String) mapOf(next.get("page")).get("nextCursor");
        }
        assertThat(walked).containsExactlyElementsOf(taskIds);

        Map<String, Object> defaults = mapOf(api().get(project(id) + "?include=tasks")
                .token(owner.token())
                .send()
                .expect(200)
                .json()
                .get("tasks"));
        assertThat(listOf(defaults.get("items"))).hasSize(5);
        assertThat(mapOf(defaults.get("page"))).containsEntry("limit", 50).containsEntry("nextCursor", null);

        assertThat(api().get(project(id) + "?include=members")
                        .token(owner.token())
                        .send()
                        .errorFields(400))
                .containsExactly("include");
        // "%D9%A1%D9%A0" is "١٠" (Arabic-Indic digits), which Integer.parseInt would read as 10
        for (String limit : List.of("0", "201", "x", "%2B5", "%D9%A1%D9%A0")) {
            assertThat(api().get(project(id) + "?include=tasks&taskLimit=" + limit)
                            .token(owner.token())
                            .send()
                            .errorFields(400))
                    .as(limit)
                    .containsExactly("taskLimit");
        }
        // an empty taskLimit is the default page, as an empty limit is on the chat, mail and event lists
        assertThat(api().get(project(id) + "?include=tasks&taskLimit=")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .json())
                .containsKey("tasks");
        assertThat(api().get(project(id) + "?taskLimit=5")
                        .token(owner.token())
                        .send()
                        .errorFields(400))
                .containsExactly("taskLimit");
        api().get(project(UUID.randomUUID())).token(owner.token()).send().notFound();
        assertThat(api().get(project("not-a-uuid")).token(owner.token()).send().errorFields(400))
                .containsExactly("id");
        api().get(project(id)).send().problem(401);
        api().get(project(id)).token(adminToken()).send().expect(200);
    }

    @Test
    void searchListsTheCallersProjectsWithFiltersSortingAndPaging() {
        TestUser owner = user("srch");
        TestUser member = user("srch-m");
        TestUser stranger = user("srch-s");
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add((String) api().post(PROJECTS)
                    .token(owner.token())
                    .json(body(
                            "name",
                            "Srch " + i + " " + tag,
                            "description",
                            i == 3 ? "needle " + tag : null,
                            "priority",
                            i % 2 == 0 ? "HIGH" : "LOW",
                            "members",
                            i < 2 ? List.of(member.id()) : List.of(),
                            "dueDate",
                            "2026-0" + (i + 1) + "-15",
                            "tags",
                            List.of(tag)))
                    .send()
                    .expect(201)
                    .json()
                    .get("id"));
        }
        api().post(PROJECTS)
                .token(stranger.token())
                .json(body("name", "Other", "tags", List.of(tag)))
                .send()
                .expect(201);

        Map<String, Object> all = api().get(PROJECTS + "?tags=cs." + tag + "&sort=name&count=exact")
                .token(owner.token())
                .send()
                .expect(200)
                .json();
        assertThat(all).containsOnlyKeys("items", "page");
        assertThat(listOf(all.get("items"))).extracting(p -> p.get("id")).containsExactlyElementsOf(ids);
        assertThat(mapOf(all.get("page"))).containsEntry("total", 5).containsEntry("nextCursor", null);
        assertThat(listOf(all.get("items")))
                .allSatisfy(p -> assertThat(p.keySet()).isEqualTo(PROJECT_FIELDS));

        // default sort is newest first; members see only their projects; ADMIN sees all
        assertThat(api().get(PROJECTS + "?tags=cs." + tag)
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(p -> p.get("id"))
                .containsExactly(ids.get(1), ids.get(0));
        assertThat(api().get(PROJECTS + "?tags=cs." + tag)
                        .token(adminToken())
                        .send()
                        .expect(200)
                        .items())
                .hasSize(6);

        // keyset paging walks every match once
        List<Object> walked = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api().get(PROJECTS + "?tags=cs." + tag + "&sort=-dueDate&limit=2"
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(owner.token())
                    .send()
                    .expect(200);
            page.items().forEach(p -> walked.add(p.get("id")));
            cursor = (String) mapOf(page.json().get("page")).get("nextCursor");
        } while (cursor != null && walked.size() < 10);
        assertThat(walked).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(api().get(PROJECTS + "?tags=cs." + tag + "&sort=name&page=2&size=2")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(p -> p.get("id"))
                .containsExactly(ids.get(2), ids.get(3));

        // filters and free text
        assertThat(api().get(PROJECTS + "?tags=cs." + tag + "&priority=eq.LOW&sort=name")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(p -> p.get("id"))
                .containsExactly(ids.get(1), ids.get(3));
        assertThat(api().get(PROJECTS + "?q=needle&tags=cs." + tag)
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(p -> p.get("id"))
                .containsExactly(ids.get(3));
        assertThat(api().get(PROJECTS + "?tags=cs." + tag + "&memberId=eq." + member.id() + "&sort=name")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(p -> p.get("id"))
                .containsExactly(ids.get(0), ids.get(1));
        assertThat(api().get(PROJECTS + "?tags=cs." + tag + "&dueDate=gte.2026-02-01&dueDate=lt.2026-04-01&sort=name")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(p -> p.get("id"))
                .containsExactly(ids.get(1), ids.get(2));
        assertThat(api().get(PROJECTS + "?tags=cs." + tag + "&ownerId=eq." + stranger.id())
                        .token(adminToken())
                        .send()
                        .expect(200)
                        .items())
                .hasSize(1);
        assertThat(api().get(PROJECTS + "?tags=cs." + tag + "&status=eq.ACTIVE")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .isEmpty();

        // what is not allowed is a 400 that says so
        assertThat(api().get(PROJECTS + "?budget=eq.1")
                        .token(owner.token())
                        .send()
                        .errorFields(400))
                .containsExactly("budget");
        assertThat(api().get(PROJECTS + "?status=eq.SLEEPING")
                        .token(owner.token())
                        .send()
                        .errorFields(400))
                .containsExactly("status");
        assertThat(api().get(PROJECTS + "?sort=taskCount")
                        .token(owner.token())
                        .send()
                        .errorFields(400))
                .containsExactly("sort");
        assertThat(api().get(PROJECTS + "?limit=500")
                        .token(owner.token())
                        .send()
                        .errorFields(400))
                .containsExactly("limit");
        assertThat(api().get(PROJECTS + "?cursor=garbage")
                        .token(owner.token())
                        .send()
                        .errorFields(400))
                .containsExactly("cursor");
        api().get(PROJECTS).send().problem(401);
    }

    // ================================================================== merge patch

    @Test
    void managersPatchProjectsWithIfMatch() {
        TestUser owner = user("pat");
        TestUser plain = user("pat-u");
        TestUser manager = user("pat-m", "MANAGER");
        Map<String, Object> created = api().post(PROJECTS)
                .token(owner.token())
                .json(body(
                        "name",
                        "Patch me",
                        "description",
                        "old",
                        "members",
                        List.of(plain.id(), manager.id()),
                        "startDate",
                        "2026-01-01",
                        "budget",
                        Map.of("amount", 10, "currency", "EUR"),
                        "tags",
                        List.of("a")))
                .send()
                .expect(201)
                .json();
        Object id = created.get("id");
        String etag = etagOf(created);

        Api.Response patched = api().patch(project(id))
                .token(owner.token())
                .ifMatch(etag)
                .raw(
                        "{\"name\":\"Renamed\","
                                + "\"priority\":\"CRITICAL\",\"dueDate\":\"2026-12-31\",\"budget\":{\"amount\":99.99,\"currency\":"
                                + "\"USD\"},\"tags\":[\"x\",\"y\"]}",
                        PATCH)
                .send()
                .expect(200);
        assertThat(patched.json())
                .containsEntry("name", "Renamed")
                .containsEntry("priority", "CRITICAL")
                .containsEntry("description", "old")
                .containsEntry("startDate", "2026-01-01")
                .containsEntry("dueDate", "2026-12-31")
                .containsEntry("tags", List.of("x", "y"));
        assertThat(mapOf(patched.json().get("budget"))).containsEntry("currency", "USD");
        assertThat(((Number) mapOf(patched.json().get("budget")).get("amount")).doubleValue())
                .isEqualTo(99.99);
        assertETagMatches(patched);
        assertThat(patched.etag()).isNotEqualTo(etag);

        // null clears, absent keeps; application/json works too; a MANAGER member may patch
        Map<String, Object> cleared = api().patch(project(id))
                .token(manager.token())
                .ifMatch(patched.etag())
                .raw("{\"description\":null,\"budget\":null,\"startDate\":null,\"tags\":null}", "application/json")
                .send()
                .expect(200)
                .json();
        assertThat(cleared)
                .containsEntry("description", null)
                .containsEntry("budget", null)
                .containsEntry("startDate", null)
                .containsEntry("tags", List.of())
                .containsEntry("name", "Renamed");
        String current = etagOf(cleared);

        // If-Match: required, well-formed, current
        assertThat((String) api().patch(project(id))
                        .token(owner.token())
                        .raw("{\"name\":\"X\"}", PATCH)
                        .send()
                        .problem(428)
                        .get("detail"))
                .contains("If-Match");
        assertThat(api().patch(project(id))
                        .token(owner.token())
                        .ifMatch("*")
                        .raw("{\"name\":\"X\"}", PATCH)
                        .send()
                        .errorFields(400))
                .containsExactly("If-Match");
        Api.Response stale = api().patch(project(id))
                .token(owner.token())
                .ifMatch(etag)
                .raw("{\"name\":\"X\"}", PATCH)
                .send();
        stale.problem(412);
        assertThat(stale.etag()).isEqualTo(current);

        // only allow-listed fields, with the right types and valid values
        for (String field :
                List.of("status", "members", "ownerId", "taskCount", "completion", "version", "id", "createdAt")) {
            Api.Response response = api().patch(project(id))
                    .token(owner.token())
                    .ifMatch(current)
                    .raw("{\"" + field + "\":\"x\"}", PATCH)
                    .send();
            assertThat(response.errorFields(400)).as(field).containsExactly(field);
            assertThat((String) response.json().get("detail"))
                    .contains("patchable fields: budget, description, dueDate, name, priority, startDate, tags");
        }
        assertThat(api().patch(project(id))
                        .token(owner.token())
                        .ifMatch(current)
                        .raw(
                                "{\"name\":1,\"dueDate\":"
                                        + "\"someday\",\"priority\":\"URGENT\",\"budget\":{\"amount\":\"ten\",\"currency\":\"EUR\"}}",
                                PATCH)
                        .send()
                        .errorFields(400))
                .containsExactlyInAnyOrder("name", "dueDate", "priority", "budget.amount");
        assertThat(api().patch(project(id))
                        .token(owner.token())
                        .ifMatch(current)
                        .raw("{\"budget\":{\"amount\":5}}", PATCH)
                        .send()
                        .errorFields(400))
                .containsExactly("budget.currency");
        assertThat(api().patch(project(id))
                        .token(owner.token())
                        .ifMatch(current)
                        .raw("{\"name\":\"\"}", PATCH)
                        .send()
                        .errorFields(400))
                .containsExactly("name");
        assertThat(api().patch(project(id))
                        .token(owner.token())
                        .ifMatch(current)
                        .raw("{\"priority\":null}", PATCH)
                        .send()
                        .errorFields(400))
                .containsExactly("priority");
        assertThat(api().patch(project(id))
                        .token(owner.token())
                        .ifMatch(current)
                        .raw("{\"startDate\":\"2027-01-01\"}", PATCH)
                        .send()
                        .errorFields(400))
                .containsExactly("dueDate");
        api().patch(project(id))
                .token(owner.token())
                .ifMatch(current)
                .raw("[]", PATCH)
                .send()
                .problem(400);
        api().patch(project(id))
                .token(owner.token())
                .ifMatch(current)
                .raw("name=x", "text/plain")
                .send()
                .problem(415);

        // a plain USER member may not; ADMIN may
        api().patch(project(id))
                .token(plain.token())
                .ifMatch(current)
                .raw("{\"name\":\"X\"}", PATCH)
                .send()
                .problem(403);
        api().patch(project(id))
                .token(adminToken())
                .ifMatch(current)
                .raw("{\"name\":\"By admin\"}", PATCH)
                .send()
                .expect(200);
        api().patch(project(UUID.randomUUID()))
                .token(owner.token())
                .ifMatch(current)
                .raw("{\"name\":\"X\"}", PATCH)
                .send()
                .notFound();
        api().patch(project(id))
                .ifMatch(current)
                .raw("{\"name\":\"X\"}", PATCH)
                .send()
                .problem(401);
    }

    // ================================================================== status and progress

    @Test
    void projectStatusMovesAndCompletesOnlyWhenEveryTaskIsResolved() {
        TestUser owner = user("st");
        TestUser plain = user("st-u");
        Map<String, Object> created = api().post(PROJECTS)
                .token(owner.token())
                .json(body(
                        "name",
                        "Status",
                        "members",
                        List.of(plain.id()),
                        "tasks",
                        List.of(body("title", "A"), body("title", "B"))))
                .send()
                .expect(201)
                .json();
        Object id = created.get("id");
        List<Map<String, Object>> tasks = listOf(created.get("tasks"));

        Api.Response active = api().post(project(id) + "/status")
                .token(owner.token())
                .json(Map.of("status", "active"))
                .send()
                .expect(200);
        assertThat(active.json()).containsEntry("status", "ACTIVE");
        assertETagMatches(active);
        api().post(project(id) + "/status")
                .token(owner.token())
                .json(Map.of("status", "ACTIVE"))
                .send()
                .problem(409);

        // COMPLETED needs every task DONE or CANCELLED
        Map<String, Object> blocked = api().post(project(id) + "/status")
                .token(owner.token())
                .json(Map.of("status", "COMPLETED"))
                .send()
                .problem(409);
        assertThat((String) blocked.get("detail")).contains("COMPLETED").contains("2 task(s)");
        moveTask(owner, tasks.get(0).get("id"), "DONE").expect(200);
        assertThat((String) api().post(project(id) + "/status")
                        .token(owner.token())
                        .json(Map.of("status", "COMPLETED"))
                        .send()
                        .problem(409)
                        .get("detail"))
                .contains("1 task(s)");
        moveTask(owner, tasks.get(1).get("id"), "CANCELLED").expect(200);

        // the optional If-Match is checked when given
        String etag = projectETag(owner, id);
        api().post(project(id) + "/status")
                .token(owner.token())
                .ifMatch("\"999\"")
                .json(Map.of("status", "COMPLETED"))
                .send()
                .problem(412);
        api().post(project(id) + "/status")
                .token(owner.token())
                .ifMatch("W/\"1\"")
                .json(Map.of("status", "COMPLETED"))
                .send()
                .problem(400);
        api().post(project(id) + "/status")
                .token(plain.token())
                .json(Map.of("status", "COMPLETED"))
                .send()
                .problem(403);
        Map<String, Object> completed = api().post(project(id) + "/status")
                .token(owner.token())
                .ifMatch(etag)
                .json(Map.of("status", "COMPLETED"))
                .send()
                .expect(200)
                .json();
        assertThat(completed)
                .containsEntry("status", "COMPLETED")
                .containsEntry("taskCount", 2)
                .containsEntry("completion", 100);

        // a closed project takes no new tasks
        api().post(project(id) + "/tasks")
                .token(owner.token())
                .json(Map.of("title", "Late"))
                .send()
                .problem(409);

        assertThat(api().post(project(id) + "/status")
                        .token(owner.token())
                        .json(Map.of("status", "FINISHED"))
                        .send()
                        .errorFields(400))
                .containsExactly("status");
        assertThat(api().post(project(id) + "/status")
                        .token(owner.token())
                        .json(Map.of())
                        .send()
                        .errorFields(400))
                .containsExactly("status");
        assertThat(api().post(project(id) + "/status")
                        .token(owner.token())
                        .json(Map.of("status", "ACTIVE", "x", 1))
                        .send()
                        .errorFields(400))
                .containsExactly("x");
        api().post(project(id) + "/status").token(owner.token()).send().problem(400);
        api().post(project(UUID.randomUUID()) + "/status")
                .token(owner.token())
                .json(Map.of("status", "ACTIVE"))
                .send()
                .notFound();
        api().post(project(id) + "/status")
                .json(Map.of("status", "ACTIVE"))
                .send()
                .problem(401);
    }

    @Test
    void progressCountsTasksByStatusHoursAndOverdue() {
        TestUser owner = user("prog");
        String yesterday = LocalDate.now().minusDays(2).toString();
        Map<String, Object> created = api().post(PROJECTS)
                .token(owner.token())
                .json(body(
                        "name",
                        "Progress",
                        "tasks",
                        List.of(
                                body("title", "A", "estimatedHours", 4, "dueDate", yesterday),
                                body("title", "B", "estimatedHours", 2.5),
                                body("title", "C", "dueDate", yesterday),
                                body("title", "D"),
                                body("title", "E"))))
                .send()
                .expect(201)
                .json();
        Object id = created.get("id");
        List<Map<String, Object>> tasks = listOf(created.get("tasks"));
        moveTask(owner, tasks.get(1).get("id"), "DONE").expect(200);
        moveTask(owner, tasks.get(2).get("id"), "DONE").expect(200);
        moveTask(owner, tasks.get(3).get("id"), "IN_PROGRESS").expect(200);
        moveTask(owner, tasks.get(4).get("id"), "CANCELLED").expect(200);
        api().post(task(tasks.get(0).get("id")) + "/hours")
                .token(owner.token())
                .json(Map.of("hours", 1.5))
                .send()
                .expect(200);
        api().post(task(tasks.get(3).get("id")) + "/hours")
                .token(owner.token())
                .json(Map.of("hours", 2))
                .send()
                .expect(200);

        Map<String, Object> progress = api().get(project(id) + "/progress")
                .token(owner.token())
                .send()
                .expect(200)
                .json();
        assertThat(progress)
                .containsOnlyKeys(
                        "projectId", "total", "byStatus", "estimatedHours", "actualHours", "overdue", "completion");
        assertThat(progress)
                .containsEntry("projectId", id)
                .containsEntry("total", 5)
                .containsEntry("overdue", 1)
                .containsEntry("completion", 50);
        assertThat(progress.get("byStatus"))
                .isEqualTo(Map.of("TODO", 1, "IN_PROGRESS", 1, "BLOCKED", 0, "DONE", 2, "CANCELLED", 1));
        assertThat(((Number) progress.get("estimatedHours")).doubleValue()).isEqualTo(6.5);
        assertThat(((Number) progress.get("actualHours")).doubleValue()).isEqualTo(3.5);
        assertThat(getProject(owner, id)).containsEntry("taskCount", 5).containsEntry("completion", 50);

        api().get(project(UUID.randomUUID()) + "/progress")
                .token(owner.token())
                .send()
                .notFound();
        api().get(project(id) + "/progress").send().problem(401);
    }

    // ================================================================== members

    @Test
    void ownersAndManagerMembersManageMembersPlainMembersGet403() {
        TestUser owner = user("mem-o");
        TestUser plain = user("mem-u");
        TestUser manager = user("mem-m", "MANAGER");
        TestUser newcomer = user("mem-n");
        TestUser later = user("mem-l");
        Map<String, Object> created = newProject(owner, "Members", plain, manager);
        Object id = created.get("id");

        Api.Response added = api().post(project(id) + "/members")
                .token(owner.token())
                .json(Map.of("userId", newcomer.id()))
                .send()
                .expect(200);
        assertThat(values(added.json().get("members"))).contains(newcomer.id());
        assertETagMatches(added);
        api().get(project(id)).token(newcomer.token()).send().expect(200);
        api().post(project(id) + "/members")
                .token(owner.token())
                .json(Map.of("userId", newcomer.id()))
                .send()
                .problem(409);
        api().post(project(id) + "/members")
                .token(plain.token())
                .json(Map.of("userId", later.id()))
                .send()
                .problem(403);
        api().post(project(id) + "/members")
                .token(manager.token())
                .json(Map.of("userId", later.id()))
                .send()
                .expect(200);
        assertThat(api().post(project(id) + "/members")
                        .token(owner.token())
                        .json(Map.of("userId", UUID.randomUUID().toString()))
                        .send()
                        .errorFields(400))
                .containsExactly("userId");
        assertThat(api().post(project(id) + "/members")
                        .token(owner.token())
                        .json(Map.of("userId", "x"))
                        .send()
                        .errorFields(400))
                .containsExactly("userId");
        assertThat(api().post(project(id) + "/members")
                        .token(owner.token())
                        .json(Map.of())
                        .send()
                        .errorFields(400))
                .containsExactly("userId");
        api().post(project(UUID.randomUUID()) + "/members")
                .token(owner.token())
                .json(Map.of("userId", later.id()))
                .send()
                .notFound();
        api().post(project(id) + "/members")
                .json(Map.of("userId", later.id()))
                .send()
                .problem(401);

        // removing needs the project's current ETag
        String etag = projectETag(owner, id);
        String path = project(id) + "/members/" + newcomer.id();
        api().delete(path).token(owner.token()).send().problem(428);
        api().delete(path).token(owner.token()).ifMatch("\"999\"").send().problem(412);
        api().delete(path).token(plain.token()).ifMatch(etag).send().problem(403);
        Api.Response removed =
                api().delete(path).token(manager.token()).ifMatch(etag).send().expect(200);
        assertThat(values(removed.json().get("members"))).doesNotContain(newcomer.id());
        assertETagMatches(removed);
        api().get(project(id)).token(newcomer.token()).send().notFound();
        api().delete(path).token(owner.token()).ifMatch(removed.etag()).send().problem(409);

        // the owner stays; members with open tasks hand them over first; a plain member may leave
        api().delete(project(id) + "/members/" + owner.id())
                .token(owner.token())
                .ifMatch(removed.etag())
                .send()
                .problem(409);
        Map<String, Object> assigned = newTask(owner, id, "Assigned", "assigneeId", later.id());
        String now = projectETag(owner, id);
        assertThat((String) api().delete(project(id) + "/members/" + later.id())
                        .token(owner.token())
                        .ifMatch(now)
                        .send()
                        .problem(409)
                        .get("detail"))
                .contains("open task");
        moveTask(owner, assigned.get("id"), "CANCELLED").expect(200);
        now = projectETag(owner, id);
        api().delete(project(id) + "/members/" + later.id())
                .token(owner.token())
                .ifMatch(now)
                .send()
                .expect(200);
        now = projectETag(owner, id);
        api().delete(project(id) + "/members/" + plain.id())
                .token(plain.token())
                .ifMatch(now)
                .send()
                .expect(200);
        api().get(project(id)).token(plain.token()).send().notFound();

        assertThat(api().delete(project(id) + "/members/not-a-uuid")
                        .token(owner.token())
                        .ifMatch(now)
                        .send()
                        .errorFields(400))
                .containsExactly("userId");
        api().delete(project(id) + "/members/" + manager.id())
                .ifMatch(now)
                .send()
                .problem(401);
    }

    /**
     * Identity asks workspace (through the kernel's UserReferences) before deleting a user: an owner
     * of projects is a 409 that says what to transfer, and nothing changes; a member goes and leaves.
     */
    @Test
    void deletingAUserWhoOwnsProjectsIs409NamingThemAndAMemberLeavesWithTheAccount() {
        TestUser owner = user("del-o");
        TestUser member = user("del-m");
        Object first = newProject(owner, "Kept 1", member).get("id");
        newProject(owner, "Kept 2");
        String users = "/api/v1/users/";
        String ownerETag = api().get(users + owner.id())
                .token(adminToken())
                .send()
                .expect(200)
                .etag();
        assertThat((String) api().delete(users + owner.id())
                        .token(adminToken())
                        .ifMatch(ownerETag)
                        .send()
                        .problem(409)
                        .get("detail"))
                .isEqualTo("user " + owner.id() + " still owns 2 project(s); transfer or delete them first");
        api().get(users + owner.id()).token(adminToken()).send().expect(200);

        String memberETag = api().get(users + member.id())
                .token(adminToken())
                .send()
                .expect(200)
                .etag();
        api().delete(users + member.id())
                .token(adminToken())
                .ifMatch(memberETag)
                .send()
                .expect(204);
        assertThat(values(getProject(owner, first).get("members"))).containsExactly(owner.id());
    }

    // ================================================================== visibility

    @Test
    void nonMembersGet404OnEveryProjectAndTaskEndpointWhileMembersSucceed() {
        TestUser owner = user("vis-o");
        TestUser member = user("vis-m");
        TestUser outsider = user("vis-x");
        TestUser third = user("vis-3");
        Map<String, Object> created = api().post(PROJECTS)
                .token(owner.token())
                .json(body(
                        "name",
                        "Private",
                        "members",
                        List.of(member.id(), third.id()),
                        "tasks",
                        List.of(body("title", "A"), body("title", "B"))))
                .send()
                .expect(201)
                .json();
        Object id = created.get("id");
        Object a = listOf(created.get("tasks")).get(0).get("id");
        Object b = listOf(created.get("tasks")).get(1).get("id");

        // the outsider: every endpoint says "not found", and the project is not in their lists
        String any = "\"0\"";
        List<Supplier<Api.Response>> outsiderCalls = List.of(
                () -> api().get(project(id)).token(outsider.token()).send(),
                () -> api().get(project(id) + "?include=tasks")
                        .token(outsider.token())
                        .send(),
                () -> api().patch(project(id))
                        .token(outsider.token())
                        .ifMatch(any)
                        .raw("{\"name\":\"X\"}", PATCH)
                        .send(),
                () -> api().post(project(id) + "/status")
                        .token(outsider.token())
                        .json(Map.of("status", "ACTIVE"))
                        .send(),
                () -> api().get(project(id) + "/progress")
                        .token(outsider.token())
                        .send(),
                () -> api().post(project(id) + "/members")
                        .token(outsider.token())
                        .json(Map.of("userId", outsider.id()))
                        .send(),
                () -> api().delete(project(id) + "/members/" + third.id())
                        .token(outsider.token())
                        .ifMatch(any)
                        .send(),
                () -> api().get(project(id) + "/tasks").token(outsider.token()).send(),
                () -> api().post(project(id) + "/tasks")
                        .token(outsider.token())
                        .json(Map.of("title", "X"))
                        .send(),
                () -> api().get(task(a)).token(outsider.token()).send(),
                () -> api().patch(task(a))
                        .token(outsider.token())
                        .ifMatch(any)
                        .raw("{\"title\":\"X\"}", PATCH)
                        .send(),
                () -> api().post(task(a) + "/status")
                        .token(outsider.token())
                        .json(Map.of("status", "IN_PROGRESS"))
                        .send(),
                () -> api().post(task(a) + "/hours")
                        .token(outsider.token())
                        .json(Map.of("hours", 1))
                        .send(),
                () -> api().post(task(a) + "/dependencies")
                        .token(outsider.token())
                        .json(Map.of("taskId", b))
                        .send(),
                () -> api().delete(task(a) + "/dependencies/" + b)
                        .token(outsider.token())
                        .ifMatch(any)
                        .send());
        for (Supplier<Api.Response> call : outsiderCalls) {
            Api.Response response = call.get();
            response.notFound();
            assertThat(response.body()).as(response.request()).doesNotContain("Private");
        }
        assertThat(api().get(PROJECTS)
                        .token(outsider.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(p -> p.get("id"))
                .doesNotContain(id);
        assertThat(api().get(PROJECTS + "?memberId=eq." + member.id())
                        .token(outsider.token())
                        .send()
                        .expect(200)
                        .items())
                .isEmpty();

        // nothing changed; the member does the same successfully
        api().get(project(id)).token(member.token()).send().expect(200);
        api().get(project(id) + "?include=tasks").token(member.token()).send().expect(200);
        api().get(project(id) + "/progress").token(member.token()).send().expect(200);
        assertThat(api().get(project(id) + "/tasks")
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .hasSize(2);
        Map<String, Object> c = newTask(member, id, "C");
        api().get(task(a)).token(member.token()).send().expect(200);
        String etagA = api().get(task(a)).token(member.token()).send().etag();
        String patched = api().patch(task(a))
                .token(member.token())
                .ifMatch(etagA)
                .raw("{\"title\":\"A2\"}", PATCH)
                .send()
                .expect(200)
                .etag();
        api().post(task(a) + "/status")
                .token(member.token())
                .ifMatch(patched)
                .json(Map.of("status", "IN_PROGRESS"))
                .send()
                .expect(200);
        api().post(task(a) + "/hours")
                .token(member.token())
                .json(Map.of("hours", 1))
                .send()
                .expect(200);
        String withDependency = api().post(task(a) + "/dependencies")
                .token(member.token())
                .json(Map.of("taskId", b))
                .send()
                .expect(200)
                .etag();
        api().delete(task(a) + "/dependencies/" + b)
                .token(member.token())
                .ifMatch(withDependency)
                .send()
                .expect(200);
        api().post(task(c.get("id")) + "/status")
                .token(member.token())
                .json(Map.of("status", "DONE"))
                .send()
                .expect(200);
        // member-management and project changes are for managers: 403, not 404, for a plain member
        api().post(project(id) + "/members")
                .token(member.token())
                .json(Map.of("userId", outsider.id()))
                .send()
                .problem(403);
        api().post(project(id) + "/status")
                .token(member.token())
                .json(Map.of("status", "ACTIVE"))
                .send()
                .problem(403);
        api().patch(project(id))
                .token(member.token())
                .ifMatch(projectETag(owner, id))
                .raw("{\"name\":\"X\"}", PATCH)
                .send()
                .problem(403);
        assertThat(getProject(owner, id))
                .containsEntry("name", "Private")
                .containsEntry("status", "PLANNING")
                .containsEntry("taskCount", 3);
    }

    // ================================================================== statement counts

    @Test
    void aPageOfProjectsAndAProjectWithItsTasksCostTheSameStatementsForOneAndAHundred() {
        TestUser owner = user("n1");
        TestUser member = user("n1-m");
        String tag = "n1-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 100; i++) {
            api().post(PROJECTS)
                    .token(owner.token())
                    .json(body(
                            "name",
                            "N " + i,
                            "members",
                            List.of(member.id()),
                            "tags",
                            List.of(tag, "x" + i),
                            "budget",
                            Map.of("amount", i, "currency", "EUR")))
                    .send()
                    .expect(201);
        }
        String one = PROJECTS + "?tags=cs." + tag + "&limit=1";
        String hundred = PROJECTS + "?tags=cs." + tag + "&limit=100";
        api().get(one).token(owner.token()).send().expect(200); // warm up (session lastSeenAt, caches)
        long forOne = sql().countDuring(() -> assertThat(
                        api().get(one).token(owner.token()).send().expect(200).items())
                .hasSize(1));
        long forHundred = sql().countDuring(() -> assertThat(api().get(hundred)
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .hasSize(100));
        assertThat(forHundred).as("statements for 100 projects vs 1").isEqualTo(forOne);
        assertThat(forOne).isLessThanOrEqualTo(4);

        // a project with 100 tasks (assigned, tagged, each depending on the previous one)
        List<Map<String, Object>> initial = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            initial.add(body(
                    "key",
                    "k" + i,
                    "title",
                    "Task " + i,
                    "assigneeId",
                    member.id(),
                    "tags",
                    List.of("t" + i),
                    "estimatedHours",
                    i,
                    "dependsOn",
                    i == 0 ? List.of() : List.of("k" + (i - 1))));
        }
        Object id = api().post(PROJECTS)
                .token(owner.token())
                .json(body("name", "Hundred tasks", "members", List.of(member.id()), "tasks", initial))
                .send()
                .expect(201)
                .json()
                .get("id");
        String embedOne = project(id) + "?include=tasks&taskLimit=1";
        String embedHundred = project(id) + "?include=tasks&taskLimit=100";
        api().get(embedOne).token(member.token()).send().expect(200);
        long embeddedOne = sql().countDuring(() -> assertThat(listOf(mapOf(api().get(embedOne)
                                .token(member.token())
                                .send()
                                .expect(200)
                                .json()
                                .get("tasks"))
                        .get("items")))
                .hasSize(1));
        long embeddedHundred = sql().countDuring(() -> assertThat(listOf(mapOf(api().get(embedHundred)
                                .token(member.token())
                                .send()
                                .expect(200)
                                .json()
                                .get("tasks"))
                        .get("items")))
                .hasSize(100)
                .allSatisfy(t -> assertThat(values(t.get("tags"))).hasSize(1)));
        assertThat(embeddedHundred)
                .as("statements for a project with 100 tasks vs 1")
                .isEqualTo(embeddedOne);
        assertThat(embeddedOne).isLessThanOrEqualTo(4);

        long listOne = sql().countDuring(() -> api().get(project(id) + "/tasks?limit=1")
                .token(member.token())
                .send()
                .expect(200));
        long listHundred = sql().countDuring(() -> assertThat(api().get(project(id) + "/tasks?limit=100")
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .hasSize(100));
        assertThat(listHundred).as("statements for 100 tasks of a project vs 1").isEqualTo(listOne);
        assertThat(listOne).isLessThanOrEqualTo(4);

        long mineOne = sql().countDuring(() -> api().get("/api/v1/me/tasks?limit=1")
                .token(member.token())
                .send()
                .expect(200));
        long mineHundred = sql().countDuring(() -> assertThat(api().get("/api/v1/me/tasks?limit=100")
                        .token(member.token())
                        .send()
                        .expect(200)
                        .items())
                .hasSize(100));
        assertThat(mineHundred).as("statements for 100 of my tasks vs 1").isEqualTo(mineOne);
        assertThat(mineOne).isLessThanOrEqualTo(4);
    }
}
