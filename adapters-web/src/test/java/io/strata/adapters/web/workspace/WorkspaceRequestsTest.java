package io.strata.adapters.web.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.strata.application.shared.Change;
import io.strata.application.workspace.AddTaskUseCase;
import io.strata.application.workspace.CreateProjectUseCase;
import io.strata.application.workspace.ProjectPatch;
import io.strata.application.workspace.TaskPatch;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.Budget;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.TaskId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Request bodies to commands: typed values read, every unreadable field reported at once. */
class WorkspaceRequestsTest {
    private static final Actor ACTOR = new Actor(UserId.newId(), Role.USER);
    private final ObjectMapper json = ObjectMapper.getDefault();

    private JsonNode tree(String text) throws Exception {
        return json.readValue(text, JsonNode.class);
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(ValidationException.FieldError::field).toList();
    }

    @Test
    void createProjectBuildsTheCommandWithItsTasks() {
        UUID member = UUID.randomUUID();
        NewTaskRequest first = new NewTaskRequest(
                "a",
                "First",
                "d",
                "high",
                member.toString(),
                new BigDecimal("2.5"),
                LocalDate.of(2026, 3, 1),
                Set.of("x"),
                null);
        NewTaskRequest second = new NewTaskRequest(null, "Second", null, null, null, null, null, null, List.of("a"));
        CreateProjectUseCase.Command command = WorkspaceRequests.createProject(
                ACTOR,
                new CreateProjectRequest(
                        "P",
                        "desc",
                        "CRITICAL",
                        List.of(member.toString()),
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 12, 31),
                        new BudgetRequest(new BigDecimal("100"), "EUR"),
                        Set.of("t"),
                        List.of(first, second)));

        assertThat(command.actor()).isEqualTo(ACTOR);
        assertThat(command.name()).isEqualTo("P");
        assertThat(command.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(command.members()).containsExactly(new UserId(member));
        assertThat(command.budget()).isEqualTo(new Budget(new BigDecimal("100"), "EUR"));
        assertThat(command.tags()).containsExactly("t");
        assertThat(command.tasks()).hasSize(2);
        assertThat(command.tasks().get(0))
                .isEqualTo(new CreateProjectUseCase.NewTask(
                        "a",
                        "First",
                        "d",
                        Priority.HIGH,
                        new UserId(member),
                        new BigDecimal("2.5"),
                        LocalDate.of(2026, 3, 1),
                        Set.of("x"),
                        null));
        assertThat(command.tasks().get(1).dependsOn()).containsExactly("a");
        assertThat(command.tasks().get(1).priority()).isNull();
    }

    @Test
    void createProjectReportsEveryUnreadableFieldIncludingTasksAtOnce() {
        NewTaskRequest ok = new NewTaskRequest(null, "Fine", null, null, null, null, null, null, null);
        NewTaskRequest bad = new NewTaskRequest(null, "Bad", null, "URGENT", "nope", null, null, null, null);
        assertThatThrownBy(() -> WorkspaceRequests.createProject(
                        ACTOR,
                        new CreateProjectRequest(
                                "P",
                                null,
                                "HUGE",
                                List.of(UUID.randomUUID().toString(), "x"),
                                null,
                                null,
                                new BudgetRequest(new BigDecimal("-1"), "EUR"),
                                null,
                                List.of(ok, bad, ok, bad))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(fields(e))
                                .containsExactly(
                                        "priority",
                                        "members[1]",
                                        "budget.amount",
                                        "tasks[1].priority",
                                        "tasks[1].assigneeId",
                                        "tasks[3].priority",
                                        "tasks[3].assigneeId"));
    }

    @Test
    void createProjectPassesAbsentTasksAndNullItemsToTheUseCase() {
        CreateProjectUseCase.Command none = WorkspaceRequests.createProject(
                ACTOR, new CreateProjectRequest("P", null, null, null, null, null, null, null, null));
        assertThat(none.tasks()).isEmpty();
        assertThat(none.members()).isEmpty();
        assertThat(none.budget()).isNull();
        CreateProjectUseCase.Command withNull = WorkspaceRequests.createProject(
                ACTOR,
                new CreateProjectRequest(
                        "P", null, null, null, null, null, null, null, Arrays.asList((NewTaskRequest) null)));
        assertThat(withNull.tasks()).containsExactly((CreateProjectUseCase.NewTask) null);
    }

    @Test
    void addTaskReadsIdsAndReportsBadOnes() {
        ProjectId project = new ProjectId(UUID.randomUUID());
        UUID dependency = UUID.randomUUID();
        AddTaskUseCase.Command command = WorkspaceRequests.addTask(
                ACTOR,
                project,
                new AddTaskRequest(
                        "T", null, "low", null, new BigDecimal("1"), null, null, List.of(dependency.toString())));
        assertThat(command.projectId()).isEqualTo(project);
        assertThat(command.priority()).isEqualTo(Priority.LOW);
        assertThat(command.dependsOn()).containsExactly(new TaskId(dependency));

        assertThatThrownBy(() -> WorkspaceRequests.addTask(
                        ACTOR,
                        project,
                        new AddTaskRequest(
                                "T", null, null, "x", null, null, null, List.of(dependency.toString(), "y"))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(fields(e)).containsExactly("assigneeId", "dependsOn[1]"));
    }

    @Test
    void projectPatchReadsEveryAllowedFieldAndTellsAbsentFromNull() throws Exception {
        ProjectPatch patch = WorkspaceRequests.projectPatch(tree("{\"name\":\"N\",\"description\":null,"
                + "\"priority\":\"low\",\"startDate\":\"2026-01-01\",\"dueDate\":null,"
                + "\"budget\":{\"amount\":99.9,\"currency\":\"USD\"},\"tags\":[\"a\"]}"));
        assertThat(patch.name()).isEqualTo(Change.to("N"));
        assertThat(patch.description()).isEqualTo(Change.to(null));
        assertThat(patch.priority()).isEqualTo(Change.to(Priority.LOW));
        assertThat(patch.startDate()).isEqualTo(Change.to(LocalDate.of(2026, 1, 1)));
        assertThat(patch.dueDate()).isEqualTo(Change.to(null));
        assertThat(patch.budget()).isEqualTo(Change.to(new Budget(new BigDecimal("99.9"), "USD")));
        assertThat(patch.tags()).isEqualTo(Change.to(Set.of("a")));

        ProjectPatch clear = WorkspaceRequests.projectPatch(tree("{\"budget\":null}"));
        assertThat(clear.budget()).isEqualTo(Change.to(null));
        assertThat(clear.name().present()).isFalse();
    }

    @Test
    void projectPatchRejectsOtherFieldsAndReportsEveryWrongValue() throws Exception {
        for (String field : List.of("status", "members", "ownerId", "taskCount", "completion", "version", "id")) {
            assertThatThrownBy(() -> WorkspaceRequests.projectPatch(tree("{\"" + field + "\":1}")))
                    .as(field)
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(fields(e)).containsExactly(field);
                        assertThat(e.errors().get(0).message())
                                .contains("budget, description, dueDate, name, priority, startDate, tags");
                    });
        }
        assertThatThrownBy(() -> WorkspaceRequests.projectPatch(tree("{\"name\":1,\"startDate\":\"soon\","
                        + "\"priority\":\"URGENT\",\"budget\":{\"amount\":\"ten\",\"currency\":7,\"x\":1}}")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(fields(e))
                                .containsExactlyInAnyOrder(
                                        "name",
                                        "startDate",
                                        "priority",
                                        "budget.x",
                                        "budget.amount",
                                        "budget.currency"));
        assertThatThrownBy(() -> WorkspaceRequests.projectPatch(
                        tree("{\"budget\":{\"amount\":1.234," + "\"currency\":\"EUR\"}}")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(fields(e)).containsExactly("budget.amount"));
        assertThatThrownBy(() -> WorkspaceRequests.projectPatch(tree("{\"budget\":\"lots\"}")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(fields(e)).containsExactly("budget"));
        assertThatThrownBy(() -> WorkspaceRequests.projectPatch(tree("[1]"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void taskPatchReadsEveryAllowedField() throws Exception {
        UUID assignee = UUID.randomUUID();
        TaskPatch patch = WorkspaceRequests.taskPatch(tree("{\"title\":\"T\",\"estimatedHours\":7.75,"
                + "\"dueDate\":\"2026-05-01\",\"tags\":null,\"assigneeId\":\"" + assignee + "\"}"));
        assertThat(patch.title()).isEqualTo(Change.to("T"));
        assertThat(patch.estimatedHours().value()).isEqualByComparingTo("7.75");
        assertThat(patch.dueDate()).isEqualTo(Change.to(LocalDate.of(2026, 5, 1)));
        assertThat(patch.tags()).isEqualTo(Change.to(null));
        assertThat(patch.assigneeId()).isEqualTo(Change.to(new UserId(assignee)));
        assertThat(patch.priority().present()).isFalse();

        assertThat(WorkspaceRequests.taskPatch(tree("{\"assigneeId\":null}")).assigneeId())
                .isEqualTo(Change.to(null));
        assertThatThrownBy(() -> WorkspaceRequests.taskPatch(
                        tree("{\"assigneeId\":\"x\",\"estimatedHours\":\"1\"," + "\"status\":\"DONE\"}")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(fields(e)).containsExactly("status"));
        assertThatThrownBy(() -> WorkspaceRequests.taskPatch(tree("{\"assigneeId\":\"x\",\"estimatedHours\":\"1\"}")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(fields(e)).containsExactlyInAnyOrder("assigneeId", "estimatedHours"));
    }
}
