package io.strata.bootstrap.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shortcuts shared by the workspace HTTP tests: users, projects and tasks created over HTTP. */
abstract class WorkspaceApiSupport extends IntegrationTest {
    static final String PATCH = "application/merge-patch+json";
    static final String PROJECTS = "/api/v1/projects";

    TestUser user(String prefix) {
        return api().newUser(adminToken(), prefix, null);
    }

    TestUser user(String prefix, String role) {
        return api().newUser(adminToken(), prefix, role);
    }

    static String project(Object id) {
        return PROJECTS + "/" + id;
    }

    static String task(Object id) {
        return "/api/v1/tasks/" + id;
    }

    /** An ordered map that accepts nulls: {@code body("name", "P", "description", null)}. */
    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Creates a project named {@code name} owned by {@code owner}'s user, with these members. */
    Map<String, Object> newProject(TestUser owner, String name, TestUser... members) {
        List<String> ids = new ArrayList<>();
        for (TestUser member : members) {
            ids.add(member.id());
        }
        return api().post(PROJECTS)
                .token(owner.token())
                .json(body("name", name, "members", ids))
                .send()
                .expect(201)
                .json();
    }

    /** Adds a task with {@code extra} fields to a project; returns the task. */
    Map<String, Object> newTask(TestUser who, Object projectId, String title, Object... extra) {
        Map<String, Object> body = body(extra);
        body.put("title", title);
        return api().post(project(projectId) + "/tasks")
                .token(who.token())
                .json(body)
                .send()
                .expect(201)
                .json();
    }

    Api.Response moveTask(TestUser who, Object taskId, String status) {
        return api().post(task(taskId) + "/status")
                .token(who.token())
                .json(Map.of("status", status))
                .send();
    }

    Map<String, Object> getProject(TestUser who, Object projectId) {
        return api().get(project(projectId))
                .token(who.token())
                .send()
                .expect(200)
                .json();
    }

    String projectETag(TestUser who, Object projectId) {
        return api().get(project(projectId))
                .token(who.token())
                .send()
                .expect(200)
                .etag();
    }

    static String etagOf(Map<String, Object> resource) {
        return "\"" + resource.get("version") + "\"";
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> listOf(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapOf(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> values(Object value) {
        return (List<Object>) value;
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    static void assertETagMatches(Api.Response response) {
        assertThat(response.etag()).isEqualTo(etagOf(response.json()));
    }
}
