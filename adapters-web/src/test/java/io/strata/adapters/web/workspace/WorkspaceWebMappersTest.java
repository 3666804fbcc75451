package io.strata.adapters.web.workspace;

import static io.strata.adapters.web.workspace.WorkspaceFixtures.assertEveryComponentSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.application.workspace.CreateProjectUseCase;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectProgress;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Round-trip tests: domain to response keeps every field of projects, tasks and progress. */
class WorkspaceWebMappersTest {
    private final TaskWebMapper tasks = new TaskWebMapperImpl();
    private final ProjectWebMapper mapper = new ProjectWebMapperImpl(tasks);

    @Test
    void projectRoundTripKeepsEveryField() {
        Project project = WorkspaceFixtures.project();
        ProjectResponse response = mapper.toResponse(project);

        assertEveryComponentSet(response);
        assertThat(response.id()).isEqualTo(project.id().value());
        assertThat(response.name()).isEqualTo("Relaunch");
        assertThat(response.description()).isEqualTo("The new website");
        assertThat(response.status()).isEqualTo(project.status());
        assertThat(response.priority()).isEqualTo(project.priority());
        assertThat(response.ownerId()).isEqualTo(WorkspaceFixtures.OWNER.value());
        assertThat(response.members())
                .containsExactly(WorkspaceFixtures.OWNER.value(), WorkspaceFixtures.MEMBER.value());
        assertThat(response.startDate()).isEqualTo(project.startDate());
        assertThat(response.dueDate()).isEqualTo(project.dueDate());
        assertThat(response.budget()).isEqualTo(new BudgetResponse(new BigDecimal("12500.50"), "EUR"));
        assertThat(response.tags()).containsExactly("2026", "web");
        assertThat(response.taskCount()).isEqualTo(4);
        assertThat(response.completion()).isEqualTo(25);
        assertThat(response.version()).isEqualTo(3);
        assertThat(response.createdAt()).isEqualTo(project.createdAt());
        assertThat(response.updatedAt()).isEqualTo(project.updatedAt());
    }

    @Test
    void aBareProjectHasNullOptionalsAndEmptySets() {
        ProjectResponse response = mapper.toResponse(WorkspaceFixtures.bareProject());
        assertThat(response.budget()).isNull();
        assertThat(response.description()).isNull();
        assertThat(response.startDate()).isNull();
        assertThat(response.tags()).isEmpty();
        assertThat(response.members()).containsExactly(WorkspaceFixtures.OWNER.value());
    }

    @Test
    void taskRoundTripKeepsEveryField() {
        Project project = WorkspaceFixtures.project();
        Task task = WorkspaceFixtures.task(project.id());
        TaskResponse response = tasks.toResponse(task);

        assertEveryComponentSet(response);
        assertThat(response.id()).isEqualTo(task.id().value());
        assertThat(response.projectId()).isEqualTo(project.id().value());
        assertThat(response.title()).isEqualTo("Design");
        assertThat(response.description()).isEqualTo("Draft the design");
        assertThat(response.status()).isEqualTo(TaskStatus.DONE);
        assertThat(response.priority()).isEqualTo(task.priority());
        assertThat(response.assigneeId()).isEqualTo(WorkspaceFixtures.MEMBER.value());
        assertThat(response.estimatedHours()).isEqualByComparingTo("8.5");
        assertThat(response.actualHours()).isEqualByComparingTo("9.25");
        assertThat(response.dueDate()).isEqualTo(task.dueDate());
        assertThat(response.tags()).containsExactly("ux");
        assertThat(response.dependsOn())
                .containsExactly(task.dependsOn().iterator().next().value());
        assertThat(response.completedAt()).isEqualTo(task.completedAt());
        assertThat(response.version()).isEqualTo(2);
        assertThat(response.createdAt()).isEqualTo(task.createdAt());
        assertThat(response.updatedAt()).isEqualTo(task.updatedAt());
    }

    @Test
    void aBareTaskHasNullOptionalsZeroHoursAndEmptySets() {
        TaskResponse response = tasks.toResponse(
                WorkspaceFixtures.bareTask(WorkspaceFixtures.project().id()));
        assertThat(response.assigneeId()).isNull();
        assertThat(response.estimatedHours()).isNull();
        assertThat(response.actualHours()).isEqualByComparingTo("0");
        assertThat(response.completedAt()).isNull();
        assertThat(response.tags()).isEmpty();
        assertThat(response.dependsOn()).isEmpty();
    }

    @Test
    void createdProjectCarriesItsTasksInOrder() {
        Project project = WorkspaceFixtures.project();
        Task first = WorkspaceFixtures.task(project.id());
        Task second = WorkspaceFixtures.bareTask(project.id());
        ProjectWithTasksResponse response =
                mapper.toResponse(new CreateProjectUseCase.ProjectWithTasks(project, List.of(first, second)));

        assertEveryComponentSet(response);
        assertThat(response.project()).isEqualTo(mapper.toResponse(project));
        assertThat(response.tasks()).containsExactly(tasks.toResponse(first), tasks.toResponse(second));
    }

    @Test
    void progressListsEveryStatusAndKeepsEveryField() {
        Project project = WorkspaceFixtures.project();
        ProjectProgress progress = new ProjectProgress(
                project.id(),
                5,
                Map.of(TaskStatus.TODO, 2L, TaskStatus.DONE, 3L),
                new BigDecimal("40.00"),
                new BigDecimal("12.50"),
                1,
                60);
        ProjectProgressResponse response = mapper.toResponse(progress);

        assertEveryComponentSet(response);
        assertThat(response.projectId()).isEqualTo(project.id().value());
        assertThat(response.total()).isEqualTo(5);
        assertThat(response.byStatus())
                .containsExactly(
                        Map.entry("TODO", 2L),
                        Map.entry("IN_PROGRESS", 0L),
                        Map.entry("BLOCKED", 0L),
                        Map.entry("DONE", 3L),
                        Map.entry("CANCELLED", 0L));
        assertThat(response.estimatedHours()).isEqualByComparingTo("40");
        assertThat(response.actualHours()).isEqualByComparingTo("12.5");
        assertThat(response.overdue()).isEqualTo(1);
        assertThat(response.completion()).isEqualTo(60);
    }
}
