package io.strata.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkspaceDomainTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    private final Clock clock = now::get;
    private final UserId owner = UserId.newId();
    private final UserId member = UserId.newId();
    private final UserId stranger = UserId.newId();

    private Project project() {
        return Project.create(
                " Apollo ",
                null,
                null,
                owner,
                Set.of(member),
                new Schedule(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-06-01")),
                new Budget(new BigDecimal("1000.5"), "EUR"),
                Tags.of(List.of("space")),
                clock);
    }

    private Task task(Project project, String title) {
        return Task.create(project, title, null, null, null, null, null, Tags.none(), clock);
    }

    @Test
    void projectStartsInPlanningWithTheOwnerAsMember() {
        Project project = project();
        assertThat(project.name()).isEqualTo("Apollo");
        assertThat(project.status()).isEqualTo(ProjectStatus.PLANNING);
        assertThat(project.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(project.members()).containsExactlyInAnyOrder(owner, member);
        assertThat(project.budget().amount()).isEqualByComparingTo("1000.50");
        assertThat(project.pullEvents()).singleElement().isInstanceOf(ProjectCreated.class);
    }

    @Test
    void projectFieldsAreValidated() {
        assertThatThrownBy(() -> Project.create(" ", null, null, owner, Set.of(), Schedule.NONE, null, null, clock))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> new Schedule(LocalDate.parse("2026-05-01"), LocalDate.parse("2026-04-01")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("dueDate: must not be before startDate");
        assertThat(new Schedule(LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-01")).dueDate())
                .as("a one-day project")
                .isEqualTo("2026-05-01");
        assertThatThrownBy(() -> new Budget(new BigDecimal("-1"), "EUR")).hasMessageContaining("budget.amount");
        assertThatThrownBy(() -> new Budget(new BigDecimal("1.234"), "EUR")).hasMessageContaining("2 decimals");
        assertThatThrownBy(() -> new Budget(BigDecimal.ONE, "euro")).hasMessageContaining("ISO-4217");
        assertThatThrownBy(() -> project().prioritize(null, clock))
                .isInstanceOf(ValidationException.class)
                .hasMessage("priority: must not be null");
    }

    @Test
    void completedOnlyWhenEveryTaskIsDoneOrCancelled() {
        Project project = project();
        project.recordTaskTally(new TaskTally(3, 1, 1));
        assertThatThrownBy(() -> project.changeStatus(ProjectStatus.COMPLETED, clock))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("1 task(s)");
        project.countTaskMoved(TaskStatus.IN_PROGRESS, TaskStatus.DONE);
        project.changeStatus(ProjectStatus.COMPLETED, clock);
        assertThat(project.status()).isEqualTo(ProjectStatus.COMPLETED);
        assertThatThrownBy(() -> project.changeStatus(ProjectStatus.COMPLETED, clock))
                .hasMessageContaining("already");
        assertThatThrownBy(() -> task(project, "late"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("COMPLETED");
    }

    @Test
    void completionCountsDoneAmongNonCancelledTasks() {
        Project project = project();
        project.recordTaskTally(new TaskTally(4, 1, 2));
        assertThat(project.taskCount()).isEqualTo(4);
        assertThat(project.completion()).isEqualTo(50);
        project.recordTaskTally(new TaskTally(2, 0, 2));
        assertThat(project.completion()).isZero();
        project.recordTaskTally(new TaskTally(3, 3, 0));
        assertThat(project.completion()).isEqualTo(100);
    }

    @Test
    void theTallyFollowsTasksAddedAndMovedWithoutTouchingTheProject() {
        Project project = project();
        Instant edited = project.updatedAt();
        project.countTaskAdded(TaskStatus.TODO);
        project.countTaskAdded(TaskStatus.TODO);
        project.countTaskAdded(TaskStatus.TODO);
        assertThat(project.taskTally()).isEqualTo(new TaskTally(3, 0, 0));
        project.countTaskMoved(TaskStatus.TODO, TaskStatus.IN_PROGRESS); // open to open: nothing to count
        assertThat(project.taskTally()).isEqualTo(new TaskTally(3, 0, 0));
        project.countTaskMoved(TaskStatus.IN_PROGRESS, TaskStatus.DONE);
        project.countTaskMoved(TaskStatus.TODO, TaskStatus.CANCELLED);
        assertThat(project.taskTally()).isEqualTo(new TaskTally(3, 1, 1));
        assertThat(project.completion()).isEqualTo(50);
        project.countTaskMoved(TaskStatus.CANCELLED, TaskStatus.DONE);
        assertThat(project.taskTally()).isEqualTo(new TaskTally(3, 2, 0));
        project.countTaskMoved(TaskStatus.DONE, TaskStatus.TODO); // reopened
        assertThat(project.taskTally()).isEqualTo(new TaskTally(3, 1, 0));
        assertThat(project.completion()).isEqualTo(33);
        assertThat(project.updatedAt()).isEqualTo(edited);
        assertThat(project.pullEvents()).hasSize(1); // its creation only
    }

    @Test
    void aTallyIsNeverNegativeNorMoreResolvedThanItHasTasks() {
        assertThatThrownBy(() -> new TaskTally(1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaskTally(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskTally.NONE.moved(TaskStatus.DONE, TaskStatus.TODO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TaskTally.NONE.plus(TaskStatus.DONE)).isEqualTo(new TaskTally(1, 1, 0));
    }

    @Test
    void membersAreManagedWithoutLosingTheOwnerOrOpenWork() {
        Project project = project();
        project.addMember(stranger, clock);
        assertThatThrownBy(() -> project.addMember(stranger, clock)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> project.removeMember(owner, 0, clock)).hasMessageContaining("owner");
        assertThatThrownBy(() -> project.removeMember(stranger, 2, clock)).hasMessageContaining("2 open task(s)");
        project.removeMember(stranger, 0, clock);
        assertThat(project.isMember(stranger)).isFalse();
        assertThatThrownBy(() -> project.removeMember(stranger, 0, clock)).hasMessageContaining("not a member");
    }

    @Test
    void assigneeMustBeAMember() {
        Project project = project();
        assertThatThrownBy(() -> Task.create(project, "t", null, null, stranger, null, null, null, clock))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("assigneeId"));
        Task task = task(project, "t");
        task.assign(project, member, clock);
        assertThat(task.assigneeId()).isEqualTo(member);
        task.assign(project, null, clock);
        assertThat(task.assigneeId()).isNull();
    }

    @Test
    void taskFieldsAreValidated() {
        Project project = project();
        assertThatThrownBy(() -> task(project, "")).hasMessageContaining("title");
        assertThatThrownBy(() -> Task.create(project, "t", null, null, null, new BigDecimal("-1"), null, null, clock))
                .hasMessageContaining("estimatedHours");
        Task task = task(project, "t");
        assertThatThrownBy(() -> task.prioritize(null, clock)).hasMessage("priority: must not be null");
        assertThatThrownBy(() -> task.logHours(BigDecimal.ZERO, clock)).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> task.logHours(new BigDecimal("1001"), clock)).hasMessageContaining("hours");
        task.logHours(new BigDecimal("1.5"), clock);
        task.logHours(new BigDecimal("2.25"), clock);
        assertThat(task.actualHours()).isEqualByComparingTo("3.75");
    }

    @Test
    void aTaskIsNotDoneWhileADependencyIsOpen() {
        Project project = project();
        Task build = task(project, "build");
        Task ship = task(project, "ship");
        ship.dependOn(build, new DependencyGraph(Map.of()), clock);
        assertThatThrownBy(() -> ship.changeStatus(project, TaskStatus.DONE, List.of(build), List.of(), clock))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(build.id().toString());
        build.changeStatus(project, TaskStatus.CANCELLED, List.of(), List.of(), clock);
        ship.changeStatus(project, TaskStatus.DONE, List.of(build), List.of(), clock);
        assertThat(ship.completedAt()).isEqualTo(now.get());
        assertThatThrownBy(() -> build.changeStatus(project, TaskStatus.TODO, List.of(), List.of(ship.id()), clock))
                .hasMessageContaining("cannot be reopened");
        ship.changeStatus(project, TaskStatus.IN_PROGRESS, List.of(build), List.of(), clock);
        assertThat(ship.completedAt()).isNull();
        assertThat(ship.pullEvents())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TaskCreated", "TaskStatusChanged", "TaskStatusChanged");
    }

    @Test
    void dependenciesStayInOneProjectAndNeverCycle() {
        Project project = project();
        Task a = task(project, "a");
        Task b = task(project, "b");
        Task c = task(project, "c");
        Task elsewhere = task(project(), "x");
        DependencyGraph graph = new DependencyGraph(Map.of(a.id(), Set.of(b.id()), b.id(), Set.of(c.id())));
        assertThatThrownBy(() -> c.dependOn(a, graph, clock))
                .isInstanceOf(ConflictException.class)
                .hasMessage("dependency would create a cycle: " + c.id() + " -> " + a.id() + " -> " + b.id() + " -> "
                        + c.id());
        assertThatThrownBy(() -> a.dependOn(a, graph, clock)).hasMessageContaining("itself");
        assertThatThrownBy(() -> a.dependOn(elsewhere, graph, clock)).hasMessageContaining("another project");
        a.dependOn(c, graph, clock);
        assertThatThrownBy(() -> a.dependOn(c, graph, clock)).hasMessageContaining("already");
        a.dropDependency(c.id(), clock);
        assertThatThrownBy(() -> a.dropDependency(c.id(), clock)).hasMessageContaining("does not depend");
    }

    @Test
    void aDoneTaskCannotGainAnOpenDependency() {
        Project project = project();
        Task done = task(project, "done");
        Task open = task(project, "open");
        done.changeStatus(project, TaskStatus.DONE, List.of(), List.of(), clock);
        assertThatThrownBy(() -> done.dependOn(open, new DependencyGraph(Map.of()), clock))
                .hasMessageContaining("cannot depend on open task");
    }

    @Test
    void graphNamesTheShortestCycleAnEdgeWouldClose() {
        TaskId a = TaskId.newId();
        TaskId b = TaskId.newId();
        TaskId c = TaskId.newId();
        DependencyGraph graph = new DependencyGraph(Map.of(a, Set.of(b)));
        graph.add(b, c);
        assertThat(graph.cycleIfAdded(c, a)).contains(List.of(c, a, b, c));
        graph.add(a, c);
        assertThat(graph.cycleIfAdded(c, a)).contains(List.of(c, a, c));
        assertThat(graph.cycleIfAdded(a, c)).isEmpty();
        assertThat(new DependencyGraph(Map.of()).cycleIfAdded(a, b)).isEmpty();
    }

    @Test
    void aClosedProjectsTasksCannotBeReopened() {
        Project project = project();
        Task task = task(project, "t");
        task.changeStatus(project, TaskStatus.DONE, List.of(), List.of(), clock);
        project.countTaskAdded(TaskStatus.TODO);
        project.countTaskMoved(TaskStatus.TODO, TaskStatus.DONE);
        project.changeStatus(ProjectStatus.COMPLETED, clock);
        assertThatThrownBy(() -> task.changeStatus(project, TaskStatus.TODO, List.of(), List.of(), clock))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("COMPLETED");
        assertThatThrownBy(() -> task.changeStatus(project(), TaskStatus.CANCELLED, List.of(), List.of(), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overdueMeansOpenAndPastDue() {
        Project project = project();
        Task task = Task.create(project, "t", null, null, null, null, LocalDate.parse("2026-03-01"), null, clock);
        assertThat(task.isOverdue(LocalDate.parse("2026-03-02"))).isTrue();
        assertThat(task.isOverdue(LocalDate.parse("2026-03-01"))).isFalse();
        task.changeStatus(project, TaskStatus.DONE, List.of(), List.of(), clock);
        assertThat(task.isOverdue(LocalDate.parse("2026-03-02"))).isFalse();
    }
}
