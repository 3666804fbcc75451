package io.strata.bootstrap.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.application.identity.RegisterUserUseCase;
import io.strata.application.shared.Change;
import io.strata.application.workspace.AddProjectMemberUseCase;
import io.strata.application.workspace.AddTaskDependencyUseCase;
import io.strata.application.workspace.AddTaskUseCase;
import io.strata.application.workspace.ChangeProjectStatusUseCase;
import io.strata.application.workspace.ChangeTaskStatusUseCase;
import io.strata.application.workspace.CreateProjectUseCase;
import io.strata.application.workspace.CreateProjectUseCase.NewTask;
import io.strata.application.workspace.LogTaskHoursUseCase;
import io.strata.application.workspace.ProjectPatch;
import io.strata.application.workspace.ProjectQueries;
import io.strata.application.workspace.RemoveProjectMemberUseCase;
import io.strata.application.workspace.RemoveTaskDependencyUseCase;
import io.strata.application.workspace.TaskPatch;
import io.strata.application.workspace.TaskQueries;
import io.strata.application.workspace.UpdateProjectUseCase;
import io.strata.application.workspace.UpdateTaskUseCase;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.domain.identity.User;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ForbiddenException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.Budget;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectSearch;
import io.strata.domain.workspace.ProjectStatus;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskSearch;
import io.strata.domain.workspace.TaskStatus;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every workspace use case's rules and failures against the real adapters and PostgreSQL (no HTTP). */
class WorkspaceUseCasesTest extends IntegrationTest {
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Inject
    RegisterUserUseCase register;

    @Inject
    CreateProjectUseCase createProject;

    @Inject
    UpdateProjectUseCase updateProject;

    @Inject
    ChangeProjectStatusUseCase changeProjectStatus;

    @Inject
    AddProjectMemberUseCase addMember;

    @Inject
    RemoveProjectMemberUseCase removeMember;

    @Inject
    AddTaskUseCase addTask;

    @Inject
    UpdateTaskUseCase updateTask;

    @Inject
    ChangeTaskStatusUseCase changeTaskStatus;

    @Inject
    AddTaskDependencyUseCase addDependency;

    @Inject
    RemoveTaskDependencyUseCase removeDependency;

    @Inject
    LogTaskHoursUseCase logHours;

    @Inject
    ProjectQueries projectQueries;

    @Inject
    TaskQueries taskQueries;

    private Actor user(Role role) {
        int n = SEQ.incrementAndGet();
        User user = register.register(new RegisterUserUseCase.Command(
                Actor.system(),
                "ws" + n + "@example.com",
                "ws" + n,
                "long enough password",
                null,
                null,
                role,
                Set.of(),
                Map.of(),
                null));
        return new Actor(user.id(), role);
    }

    private static UserId id(Actor actor) {
        return actor.userId();
    }

    private static NewTask newTask(String key, String title, UserId assignee, String... dependsOn) {
        return new NewTask(
                key, title, null, Priority.HIGH, assignee, new BigDecimal("4"), null, Set.of(), List.of(dependsOn));
    }

    private CreateProjectUseCase.ProjectWithTasks project(Actor owner, Set<UserId> members, NewTask... tasks) {
        return createProject.create(new CreateProjectUseCase.Command(
                owner,
                "Project " + SEQ.incrementAndGet(),
                null,
                Priority.MEDIUM,
                members,
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"),
                new Budget(new BigDecimal("100"), "EUR"),
                Set.of("ws"),
                List.of(tasks)));
    }

    private Task status(Actor actor, Task task, TaskStatus status) {
        return changeTaskStatus.changeStatus(new ChangeTaskStatusUseCase.Command(actor, task.id(), status, null));
    }

    private static final TaskPatch NO_TASK_CHANGE = new TaskPatch(
            Change.absent(),
            Change.absent(),
            Change.absent(),
            Change.absent(),
            Change.absent(),
            Change.absent(),
            Change.absent());

    @Test
    void createsAProjectWithTasksAndDependenciesByKeyOrPosition() {
        Actor owner = user(Role.USER);
        Actor dev = user(Role.USER);
        var created = project(
                owner,
                Set.of(id(dev)),
                newTask("design", "Design", id(dev)),
                newTask(null, "Build", null, "design"),
                newTask("ship", "Ship", id(owner), "1", "design"));
        Project project = created.project();
        assertThat(project.updatedAt()).isEqualTo(project.createdAt());
        assertThat(created.tasks())
                .extracting(Task::createdAt)
                .isSorted()
                .doesNotHaveDuplicates()
                .allSatisfy(at -> assertThat(at).isAfterOrEqualTo(project.createdAt()));
        assertThat(project.taskCount()).isEqualTo(3);
        assertThat(project.completion()).isZero();
        assertThat(project.members()).containsExactlyInAnyOrder(id(owner), id(dev));
        List<Task> tasks = created.tasks();
        assertThat(tasks.get(1).dependsOn()).containsExactly(tasks.get(0).id());
        assertThat(tasks.get(2).dependsOn())
                .containsExactlyInAnyOrder(tasks.get(0).id(), tasks.get(1).id());
        Task stored = taskQueries.get(dev, tasks.get(2).id());
        assertThat(stored.dependsOn()).hasSize(2);
        assertThat(stored.assigneeId()).isEqualTo(id(owner));
    }

    @Test
    void anInvalidTaskStoresNothingAndEveryInvalidTaskIsListed() {
        Actor owner = user(Role.USER);
        Actor outsider = user(Role.USER);
        long before = projectQueries
                .search(owner, SearchCriteria.none(), PageRequest.first(200, ProjectSearch.SCHEMA.defaultSort()))
                .items()
                .size();
        assertThatThrownBy(() -> project(
                        owner,
                        Set.of(),
                        newTask("a", "fine", null),
                        newTask("b", " ", null),
                        newTask("c", "not a member", id(outsider)),
                        newTask("d", "bad ref", null, "nope"),
                        newTask("a", "duplicate key", null)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(ValidationException.FieldError::field)
                                .containsExactlyInAnyOrder(
                                        "tasks[1].title", "tasks[2].assigneeId", "tasks[3].dependsOn", "tasks[4].key"));
        assertThat(projectQueries
                        .search(
                                owner,
                                SearchCriteria.none(),
                                PageRequest.first(200, ProjectSearch.SCHEMA.defaultSort()))
                        .items())
                .hasSize((int) before);
    }

    @Test
    void initialTasksCannotFormACycle() {
        Actor owner = user(Role.USER);
        assertThatThrownBy(() -> project(
                        owner,
                        Set.of(),
                        newTask("a", "A", null, "b"),
                        newTask("b", "B", null, "c"),
                        newTask("c", "C", null, "a")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .anySatisfy(err ->
                                        assertThat(err.message()).contains("creates a cycle: c -> a -> b -> c")));
    }

    @Test
    void unknownMembersAndGuestsAreRejected() {
        Actor owner = user(Role.USER);
        assertThatThrownBy(() -> project(owner, Set.of(UserId.newId())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("unknown user");
        assertThatThrownBy(() -> project(user(Role.GUEST), Set.of())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void onlyMembersSeeAProjectAndItsTasks() {
        Actor owner = user(Role.USER);
        Actor outsider = user(Role.USER);
        Actor manager = user(Role.MANAGER);
        var created = project(owner, Set.of(), newTask("t", "T", null));
        Project project = created.project();
        Task task = created.tasks().get(0);
        assertThatThrownBy(() -> projectQueries.get(outsider, project.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> projectQueries.get(manager, project.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> projectQueries.progress(outsider, project.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> taskQueries.get(outsider, task.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> taskQueries.inProject(
                        outsider,
                        project.id(),
                        SearchCriteria.none(),
                        PageRequest.first(10, TaskSearch.SCHEMA.defaultSort())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> status(outsider, task, TaskStatus.DONE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(
                        () -> logHours.logHours(new LogTaskHoursUseCase.Command(outsider, task.id(), BigDecimal.ONE)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> addTask.addTask(new AddTaskUseCase.Command(
                        outsider, project.id(), "x", null, null, null, null, null, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(projectQueries.get(Actor.system(), project.id()).id()).isEqualTo(project.id());
        assertThat(projectQueries
                        .search(
                                outsider,
                                SearchCriteria.none(),
                                PageRequest.first(200, ProjectSearch.SCHEMA.defaultSort()))
                        .items())
                .noneMatch(p -> p.id().equals(project.id()));
    }

    @Test
    void ownersAndManagerMembersManageMembersPlainMembersDoNot() {
        Actor owner = user(Role.USER);
        Actor member = user(Role.USER);
        Actor manager = user(Role.MANAGER);
        Actor newcomer = user(Role.USER);
        Project project = project(owner, Set.of(id(member), id(manager))).project();
        assertThatThrownBy(() ->
                        addMember.addMember(new AddProjectMemberUseCase.Command(member, project.id(), id(newcomer))))
                .isInstanceOf(ForbiddenException.class);
        Project grown = addMember.addMember(new AddProjectMemberUseCase.Command(manager, project.id(), id(newcomer)));
        assertThat(grown.members()).contains(id(newcomer));
        assertThatThrownBy(() ->
                        addMember.addMember(new AddProjectMemberUseCase.Command(owner, project.id(), UserId.newId())))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> removeMember.removeMember(
                        new RemoveProjectMemberUseCase.Command(owner, project.id(), id(owner), grown.version())))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> removeMember.removeMember(
                        new RemoveProjectMemberUseCase.Command(owner, project.id(), id(newcomer), grown.version() - 1)))
                .isInstanceOf(StaleVersionException.class);
        Project shrunk = removeMember.removeMember(
                new RemoveProjectMemberUseCase.Command(newcomer, project.id(), id(newcomer), grown.version()));
        assertThat(shrunk.members()).doesNotContain(id(newcomer));
    }

    @Test
    void aMemberWithOpenTasksCannotBeRemoved() {
        Actor owner = user(Role.USER);
        Actor dev = user(Role.USER);
        var created = project(owner, Set.of(id(dev)), newTask("t", "T", id(dev)));
        assertThatThrownBy(() -> removeMember.removeMember(new RemoveProjectMemberUseCase.Command(
                        owner,
                        created.project().id(),
                        id(dev),
                        created.project().version())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("1 open task(s)");
    }

    @Test
    void projectDetailsAreManagedAtTheirVersion() {
        Actor owner = user(Role.USER);
        Actor member = user(Role.USER);
        Project project = project(owner, Set.of(id(member))).project();
        ProjectPatch rename = new ProjectPatch(
                Change.to("Renamed"),
                Change.absent(),
                Change.to(Priority.CRITICAL),
                Change.absent(),
                Change.to(LocalDate.parse("2027-01-01")),
                Change.to(null),
                Change.to(Set.of("a")));
        assertThatThrownBy(() -> updateProject.update(
                        new UpdateProjectUseCase.Command(member, project.id(), project.version(), rename)))
                .isInstanceOf(ForbiddenException.class);
        Project updated =
                updateProject.update(new UpdateProjectUseCase.Command(owner, project.id(), project.version(), rename));
        assertThat(updated.name()).isEqualTo("Renamed");
        assertThat(updated.budget()).isNull();
        assertThat(updated.version()).isEqualTo(project.version() + 1);
        assertThatThrownBy(() -> updateProject.update(
                        new UpdateProjectUseCase.Command(owner, project.id(), project.version(), rename)))
                .isInstanceOf(StaleVersionException.class);
        ProjectPatch badDates = new ProjectPatch(
                Change.absent(),
                Change.absent(),
                Change.absent(),
                Change.to(LocalDate.parse("2028-01-01")),
                Change.absent(),
                Change.absent(),
                Change.absent());
        assertThatThrownBy(() -> updateProject.update(
                        new UpdateProjectUseCase.Command(owner, project.id(), updated.version(), badDates)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void statusRulesForTasksAndTheProject() {
        Actor owner = user(Role.USER);
        var created = project(owner, Set.of(), newTask("a", "A", null), newTask("b", "B", null, "a"));
        Task a = created.tasks().get(0);
        Task b = created.tasks().get(1);
        ProjectStatusCheck check = new ProjectStatusCheck(owner, created.project());
        assertThatThrownBy(() -> status(owner, b, TaskStatus.DONE))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(a.id().toString());
        assertThatThrownBy(check::complete)
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("2 task(s)");
        status(owner, a, TaskStatus.DONE);
        status(owner, b, TaskStatus.DONE);
        assertThatThrownBy(() -> status(owner, taskQueries.get(owner, a.id()), TaskStatus.TODO))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("cannot be reopened");
        Project done = projectQueries.get(owner, created.project().id());
        assertThat(done.completion()).isEqualTo(100);
        Project completed = check.complete();
        assertThat(completed.status()).isEqualTo(ProjectStatus.COMPLETED);
        assertThatThrownBy(() -> addTask.addTask(new AddTaskUseCase.Command(
                        owner, completed.id(), "late", null, null, null, null, null, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> status(owner, taskQueries.get(owner, b.id()), TaskStatus.TODO))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("COMPLETED");
        var progress = projectQueries.progress(owner, completed.id());
        assertThat(progress.total()).isEqualTo(2);
        assertThat(progress.byStatus()).containsEntry(TaskStatus.DONE, 2L);
        assertThat(progress.estimatedHours()).isEqualByComparingTo("8");
    }

    private final class ProjectStatusCheck {
        private final Actor actor;
        private final Project project;

        ProjectStatusCheck(Actor actor, Project project) {
            this.actor = actor;
            this.project = project;
        }

        Project complete() {
            return changeProjectStatus.changeStatus(
                    new ChangeProjectStatusUseCase.Command(actor, project.id(), ProjectStatus.COMPLETED, null));
        }
    }

    @Test
    void dependencyCyclesAreConflictsNamingTheCycle() {
        Actor owner = user(Role.USER);
        var created = project(
                owner, Set.of(), newTask("a", "A", null), newTask("b", "B", null, "a"), newTask("c", "C", null, "b"));
        Task a = created.tasks().get(0);
        Task c = created.tasks().get(2);
        assertThatThrownBy(
                        () -> addDependency.addDependency(new AddTaskDependencyUseCase.Command(owner, a.id(), c.id())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("cycle: " + a.id() + " -> " + c.id());
        Task other = project(owner, Set.of(), newTask("x", "X", null)).tasks().get(0);
        assertThatThrownBy(() ->
                        addDependency.addDependency(new AddTaskDependencyUseCase.Command(owner, a.id(), other.id())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("in this project");
        Task cWithDep = taskQueries.get(owner, c.id());
        Task freed = removeDependency.removeDependency(new RemoveTaskDependencyUseCase.Command(
                owner, c.id(), created.tasks().get(1).id(), cWithDep.version()));
        assertThat(freed.dependsOn()).isEmpty();
        Task linked = addDependency.addDependency(new AddTaskDependencyUseCase.Command(owner, a.id(), c.id()));
        assertThat(linked.dependsOn()).containsExactly(c.id());
    }

    @Test
    void tasksAreUpdatedAndAssignedToMembersOnly() {
        Actor owner = user(Role.USER);
        Actor dev = user(Role.USER);
        Actor outsider = user(Role.USER);
        Actor guest = user(Role.GUEST);
        Project project = project(owner, Set.of(id(dev), id(guest))).project();
        Task task = addTask.addTask(new AddTaskUseCase.Command(
                owner, project.id(), "T", null, null, null, null, null, Set.of("x"), List.of()));
        TaskPatch assignOutsider = new TaskPatch(
                Change.absent(),
                Change.absent(),
                Change.absent(),
                Change.absent(),
                Change.absent(),
                Change.absent(),
                Change.to(id(outsider)));
        assertThatThrownBy(() -> updateTask.update(
                        new UpdateTaskUseCase.Command(owner, task.id(), task.version(), assignOutsider)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("not a member");
        TaskPatch assignDev = new TaskPatch(
                Change.to("Renamed"),
                Change.absent(),
                Change.to(Priority.LOW),
                Change.to(new BigDecimal("2.5")),
                Change.to(LocalDate.parse("2026-02-01")),
                Change.to(null),
                Change.to(id(dev)));
        Task updated = updateTask.update(new UpdateTaskUseCase.Command(owner, task.id(), task.version(), assignDev));
        assertThat(updated.assigneeId()).isEqualTo(id(dev));
        assertThat(updated.title()).isEqualTo("Renamed");
        assertThat(updated.tags().values()).isEmpty();
        assertThatThrownBy(() -> updateTask.update(
                        new UpdateTaskUseCase.Command(owner, task.id(), task.version(), NO_TASK_CHANGE)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(taskQueries
                        .mine(dev, SearchCriteria.none(), PageRequest.first(50, TaskSearch.SCHEMA.defaultSort()))
                        .items())
                .extracting(Task::id)
                .contains(task.id());
        assertThat(taskQueries.get(guest, task.id()).id()).isEqualTo(task.id());
        assertThatThrownBy(() -> status(guest, task, TaskStatus.DONE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> status(outsider, task, TaskStatus.DONE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void twentyConcurrentStatusChangesKeepTheCountersExact() throws Exception {
        Actor owner = user(Role.USER);
        List<NewTask> drafts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            drafts.add(newTask("t" + i, "Task " + i, null));
        }
        var created = project(owner, Set.of(), drafts.toArray(NewTask[]::new));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Task>> results = new ArrayList<>();
            for (Task task : created.tasks()) {
                results.add(pool.submit(() -> status(owner, task, TaskStatus.DONE)));
            }
            for (Future<Task> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.DONE);
            }
            List<Future<Task>> logs = new ArrayList<>();
            Task first = created.tasks().get(0);
            for (int i = 0; i < 20; i++) {
                logs.add(pool.submit(() ->
                        logHours.logHours(new LogTaskHoursUseCase.Command(owner, first.id(), new BigDecimal("0.5")))));
            }
            for (Future<Task> log : logs) {
                log.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Project project = projectQueries.get(owner, created.project().id());
        assertThat(project.taskCount()).isEqualTo(20);
        assertThat(project.completion()).isEqualTo(100);
        assertThat(taskQueries.get(owner, created.tasks().get(0).id()).actualHours())
                .isEqualByComparingTo("10");
    }
}
