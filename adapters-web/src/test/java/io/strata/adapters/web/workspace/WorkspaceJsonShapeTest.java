package io.strata.adapters.web.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.exceptions.SerdeException;
import io.strata.adapters.web.shared.PageResponse;
import io.strata.application.workspace.CreateProjectUseCase;
import io.strata.domain.shared.query.Page;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectProgress;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON the workspace endpoints read and write, through Micronaut Serialization as the server uses it. */
class WorkspaceJsonShapeTest {
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private final ObjectMapper json = ObjectMapper.getDefault();
    private final TaskWebMapper tasks = new TaskWebMapperImpl();
    private final ProjectWebMapper mapper = new ProjectWebMapperImpl(tasks);

    private Map<String, Object> write(Object value) throws Exception {
        return json.readValue(json.writeValueAsString(value), MAP);
    }

    @Test
    void projectJsonHasEveryFieldWithDatesAsDaysAndDecimalsAsNumbers() throws Exception {
        Project project = WorkspaceFixtures.project();
        String text = json.writeValueAsString(mapper.toResponse(project));
        Map<String, Object> body = json.readValue(text, MAP);
        assertThat(body)
                .containsOnlyKeys(
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
        assertThat(body)
                .containsEntry("startDate", "2026-02-01")
                .containsEntry("dueDate", "2026-06-30")
                .containsEntry("status", "ACTIVE")
                .containsEntry("priority", "HIGH")
                .containsEntry("createdAt", "2026-01-01T10:00:00.123456Z")
                .containsEntry("taskCount", 4)
                .containsEntry("completion", 25);
        assertThat(text).contains("\"budget\":{\"amount\":12500.50,\"currency\":\"EUR\"}");

        Map<String, Object> bare = write(mapper.toResponse(WorkspaceFixtures.bareProject()));
        assertThat(bare)
                .containsEntry("budget", null)
                .containsEntry("description", null)
                .containsEntry("startDate", null)
                .containsEntry("tags", List.of());
    }

    @Test
    void taskJsonHasEveryFieldIncludingNulls() throws Exception {
        Project project = WorkspaceFixtures.project();
        String text = json.writeValueAsString(tasks.toResponse(WorkspaceFixtures.task(project.id())));
        Map<String, Object> body = json.readValue(text, MAP);
        assertThat(body)
                .containsOnlyKeys(
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
        assertThat(body).containsEntry("dueDate", "2026-03-15").containsEntry("status", "DONE");
        assertThat(text).contains("\"estimatedHours\":8.50").contains("\"actualHours\":9.25");

        Map<String, Object> bare = write(tasks.toResponse(WorkspaceFixtures.bareTask(project.id())));
        assertThat(bare)
                .containsEntry("assigneeId", null)
                .containsEntry("estimatedHours", null)
                .containsEntry("completedAt", null)
                .containsEntry("dependsOn", List.of())
                .containsEntry("actualHours", 0.0);
    }

    @Test
    void createdProjectIsTheProjectFieldsPlusTasks() throws Exception {
        Project project = WorkspaceFixtures.project();
        Task task = WorkspaceFixtures.task(project.id());
        Map<String, Object> body =
                write(mapper.toResponse(new CreateProjectUseCase.ProjectWithTasks(project, List.of(task))));
        assertThat(body)
                .containsKeys("id", "name", "members", "budget", "version", "tasks")
                .doesNotContainKey("project");
        assertThat((List<?>) body.get("tasks")).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void projectWithTaskPageEmbedsItemsAndPage() throws Exception {
        Project project = WorkspaceFixtures.project();
        Task task = WorkspaceFixtures.task(project.id());
        Map<String, Object> body = write(new ProjectWithTaskPageResponse(
                mapper.toResponse(project),
                PageResponse.of(new Page<>(List.of(task), "abc", null, 1), tasks::toResponse)));
        assertThat(body).containsKeys("id", "name", "tasks").doesNotContainKey("project");
        Map<String, Object> page = (Map<String, Object>) body.get("tasks");
        assertThat(page).containsOnlyKeys("items", "page");
        assertThat((List<?>) page.get("items")).hasSize(1);
        assertThat((Map<String, Object>) page.get("page"))
                .containsEntry("limit", 1)
                .containsEntry("nextCursor", "abc");
    }

    @Test
    void progressJsonListsEveryStatus() throws Exception {
        Project project = WorkspaceFixtures.project();
        Map<String, Object> body = write(mapper.toResponse(new ProjectProgress(
                project.id(),
                1,
                Map.of(TaskStatus.BLOCKED, 1L),
                new BigDecimal("2.00"),
                new BigDecimal("0.00"),
                0,
                0)));
        assertThat(body)
                .containsOnlyKeys(
                        "projectId", "total", "byStatus", "estimatedHours", "actualHours", "overdue", "completion");
        assertThat(body.get("byStatus"))
                .isEqualTo(Map.of("TODO", 0, "IN_PROGRESS", 0, "BLOCKED", 1, "DONE", 0, "CANCELLED", 0));
    }

    @Test
    void requestRecordsReadTypedFieldsAndRejectUnknownOnes() throws Exception {
        CreateProjectRequest create = json.readValue(
                "{\"name\":\"P\",\"startDate\":\"2026-01-02\","
                        + "\"budget\":{\"amount\":10.5,\"currency\":\"EUR\"},\"tasks\":[{\"key\":\"a\",\"title\":\"T\","
                        + "\"estimatedHours\":1.25,\"dependsOn\":[\"1\"]}]}",
                CreateProjectRequest.class);
        assertThat(create.startDate()).hasToString("2026-01-02");
        assertThat(create.budget().amount()).isEqualByComparingTo("10.5");
        assertThat(create.tasks()).singleElement().satisfies(t -> {
            assertThat(t.estimatedHours()).isEqualByComparingTo("1.25");
            assertThat(t.dependsOn()).containsExactly("1");
        });

        for (Map.Entry<String, Class<?>> bad : Map.<String, Class<?>>of(
                        "{\"name\":\"P\",\"ownerId\":\"x\"}", CreateProjectRequest.class,
                        "{\"name\":\"P\",\"tasks\":[{\"title\":\"T\",\"status\":\"DONE\"}]}",
                                CreateProjectRequest.class,
                        "{\"name\":\"P\",\"budget\":{\"amount\":1,\"currency\":\"EUR\",\"x\":1}}",
                                CreateProjectRequest.class,
                        "{\"title\":\"T\",\"projectId\":\"x\"}", AddTaskRequest.class,
                        "{\"status\":\"DONE\",\"completedAt\":\"x\"}", StatusRequest.class,
                        "{\"userId\":\"x\",\"role\":\"MANAGER\"}", MemberRequest.class,
                        "{\"hours\":1,\"actualHours\":1}", HoursRequest.class,
                        "{\"taskId\":\"x\",\"y\":1}", DependencyRequest.class)
                .entrySet()) {
            assertThatThrownBy(() -> json.readValue(bad.getKey(), bad.getValue()))
                    .as(bad.getKey())
                    .isInstanceOf(SerdeException.class)
                    .hasMessageContaining("Unknown property");
        }
    }
}
