package io.strata.adapters.persistence.workspace;

import static io.strata.adapters.persistence.workspace.WorkspaceFixtures.T0;
import static io.strata.adapters.persistence.workspace.WorkspaceJpaMappersTest.assertSameState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.hibernate.HibernateTransactionManager;
import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.DependencyGraph;
import io.strata.domain.workspace.Effort;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import io.strata.domain.workspace.TaskRepository;
import io.strata.domain.workspace.TaskStatus;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskPersistenceAdapterTest extends PostgresTest {
    private static final Clock LATER = () -> T0.plusSeconds(3600);
    private ProjectRepository projects;
    private TaskRepository tasks;
    private UserId owner;
    private UserId ann;
    private UserId outsider;
    private Project project;
    private Project other;

    @BeforeAll
    void beans() {
        projects = bean(ProjectRepository.class);
        tasks = bean(TaskRepository.class);
        UserRepository users = bean(UserRepository.class);
        List<User> added = tx(() -> List.of(
                users.add(WorkspaceFixtures.user("owner")),
                users.add(WorkspaceFixtures.user("ann")),
                users.add(WorkspaceFixtures.user("outsider"))));
        owner = added.get(0).id();
        ann = added.get(1).id();
        outsider = added.get(2).id();
    }

    @BeforeEach
    void projects() {
        sql("DELETE FROM projects");
        project = tx(() -> projects.add(WorkspaceFixtures.fullProject(owner, List.of(ann))));
        other = tx(() -> projects.add(WorkspaceFixtures.fullProject(owner, List.of(outsider))));
    }

    @Test
    void addAllThenFindReturnsTheSameTasksWithTheirDependencies() {
        Task first = WorkspaceFixtures.bareTask(project.id());
        Task second = WorkspaceFixtures.fullTask(project.id(), ann, Set.of(first.id()));
        List<Task> added = tx(() -> tasks.addAll(List.of(first, second)));
        assertThat(added).containsExactly(first, second);

        long count = statements(() -> readTx(() -> {
            Task found = tasks.findById(second.id()).orElseThrow();
            assertSameState(found, second);
            assertThat(found.dependsOn()).containsExactly(first.id());
            return found;
        }));
        assertThat(count).as("task LEFT JOIN dependencies").isEqualTo(1);
        assertSameState(readTx(() -> tasks.findById(first.id())).orElseThrow(), first);
        // a read-write transaction loads the managed entity instead (it may save it): the same tasks
        assertThat(statements(() ->
                        assertSameState(tx(() -> tasks.findById(second.id())).orElseThrow(), second)))
                .isEqualTo(1);
        assertSameState(tx(() -> tasks.findById(first.id())).orElseThrow(), first);
        assertThat(readTx(() -> tasks.findById(TaskId.newId()))).isEmpty();
        assertThat(tx(() -> tasks.findById(TaskId.newId()))).isEmpty();
        assertThat(readTx(() -> tasks.findById(TaskId.newId()))).isEmpty();
        assertThat(dependencyRows(second.id()))
                .containsExactly(first.id().value() + "|" + project.id().value());
        assertThat(query("SELECT search_text FROM tasks WHERE id = '" + second.id() + "'"))
                .containsExactly("build the rocket big one.");
        assertThat(tx(() -> tasks.addAll(List.of()))).isEmpty();
    }

    @Test
    void addAllIsBatched() {
        List<Task> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Task task = WorkspaceFixtures.task(
                    project.id(),
                    "t" + i,
                    TaskStatus.TODO,
                    i % 2 == 0 ? ann : null,
                    null,
                    Set.of("x"),
                    i == 0 ? Set.of() : Set.of(many.get(i - 1).id()),
                    null,
                    null,
                    T0.plusSeconds(i));
            many.add(task);
        }
        long statements = statements(() -> txRun(() -> tasks.addAll(many)));
        long one = statements(() -> txRun(() -> tasks.addAll(List.of(WorkspaceFixtures.bareTask(project.id())))));
        assertThat(one).as("one INSERT into tasks").isEqualTo(1);
        assertThat(statements)
                .as("INSERT tasks and INSERT task_dependencies, batched by 50")
                .isLessThanOrEqualTo(4);
        assertThat(query("SELECT count(*) FROM task_dependencies WHERE project_id = '" + project.id() + "'"))
                .containsExactly("99");
    }

    @Test
    void findProjectIdDoesNotLoadTheTask() {
        Task task = WorkspaceFixtures.bareTask(project.id());
        txRun(() -> tasks.addAll(List.of(task)));
        txRun(() -> {
            assertThat(tasks.findProjectId(task.id())).contains(project.id());
            assertThat(bean(EntityManager.class)
                            .unwrap(org.hibernate.Session.class)
                            .getStatistics()
                            .getEntityCount())
                    .as("nothing in the session")
                    .isZero();
        });
        assertThat(readTx(() -> tasks.findProjectId(TaskId.newId()))).isEmpty();
    }

    @Test
    void findAllByIdIsOneStatementInTheGivenOrderSkippingUnknownIds() {
        List<Task> added = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Task task = WorkspaceFixtures.todo(project.id(), "t" + i, T0.plusSeconds(i));
            added.add(
                    i == 0
                            ? task
                            : WorkspaceFixtures.task(
                                    project.id(),
                                    "d" + i,
                                    TaskStatus.TODO,
                                    null,
                                    null,
                                    Set.of(),
                                    Set.of(added.get(0).id()),
                                    null,
                                    null,
                                    T0.plusSeconds(i)));
        }
        txRun(() -> tasks.addAll(added));
        List<TaskId> ids = new ArrayList<>(added.stream().map(Task::id).toList());
        Collections.shuffle(ids);
        ids.add(1, TaskId.newId());
        long count = statements(() -> {
            List<Task> found = readTx(() -> tasks.findAllById(ids));
            assertThat(found)
                    .extracting(Task::id)
                    .containsExactlyElementsOf(ids.stream()
                            .filter(id -> added.stream().anyMatch(t -> t.id().equals(id)))
                            .toList());
            assertThat(found)
                    .filteredOn(t -> !t.id().equals(added.get(0).id()))
                    .allSatisfy(t -> assertThat(t.dependsOn())
                            .containsExactly(added.get(0).id()));
        });
        assertThat(count).isEqualTo(1);
        assertThat(readTx(() -> tasks.findAllById(List.of()))).isEmpty();
    }

    @Test
    void saveSyncsTheDependencyRowsAndMovesTheVersion() {
        Task a = WorkspaceFixtures.todo(project.id(), "a", T0);
        Task b = WorkspaceFixtures.todo(project.id(), "b", T0);
        Task c = WorkspaceFixtures.todo(project.id(), "c", T0);
        Task d = WorkspaceFixtures.task(
                project.id(), "d", TaskStatus.TODO, null, null, Set.of(), Set.of(a.id(), b.id()), null, null, T0);
        txRun(() -> tasks.addAll(List.of(a, b, c, d)));

        // a dependency alone is a change: new row, new version
        Task added = tx(() -> {
            Task loaded = tasks.findById(d.id()).orElseThrow();
            loaded.dependOn(tasks.findById(c.id()).orElseThrow(), tasks.dependencyGraph(project.id()), LATER);
            return tasks.save(loaded);
        });
        assertThat(added.version()).isEqualTo(1);
        assertThat(dependencyRows(d.id())).hasSize(3);

        long count = statements(() -> txRun(() -> {
            Task loaded = tasks.findById(d.id()).orElseThrow();
            loaded.dropDependency(a.id(), LATER);
            assertThat(tasks.save(loaded).version()).isEqualTo(2);
        }));
        assertThat(count)
                .as("SELECT; a changed dependency: the managed entity read again for Hibernate, which deletes one"
                        + " dependency row and moves the version")
                .isEqualTo(4);
        assertThat(dependencyRows(d.id()))
                .containsExactlyInAnyOrder(
                        b.id().value() + "|" + project.id().value(),
                        c.id().value() + "|" + project.id().value());
        assertThat(readTx(() -> tasks.findById(d.id())).orElseThrow().dependsOn())
                .containsExactlyInAnyOrder(b.id(), c.id());
    }

    @Test
    void saveWritesTheFieldsAndIsStaleWhenSomeoneCommittedFirst() {
        Task task = WorkspaceFixtures.todo(project.id(), "work", T0);
        txRun(() -> tasks.addAll(List.of(task)));
        Task saved = tx(() -> {
            Task loaded = tasks.findById(task.id()).orElseThrow();
            loaded.assign(project, ann, LATER);
            loaded.logHours(new BigDecimal("2.5"), LATER);
            loaded.changeStatus(project, TaskStatus.DONE, List.of(), List.of(), LATER);
            return tasks.save(loaded);
        });
        assertThat(saved.version()).isEqualTo(1);
        assertSameState(readTx(() -> tasks.findById(task.id())).orElseThrow(), saved);
        assertThat(saved.completedAt()).isEqualTo(LATER.now());

        HibernateTransactionManager manager = bean(HibernateTransactionManager.class);
        assertThatThrownBy(() -> txRun(() -> {
                    Task mine = tasks.findById(task.id()).orElseThrow();
                    manager.execute(
                            TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
                                Task theirs = tasks.findById(task.id()).orElseThrow();
                                theirs.rename("theirs", LATER);
                                return tasks.save(theirs);
                            });
                    mine.rename("mine", LATER);
                    tasks.save(mine);
                }))
                .isInstanceOfSatisfying(
                        StaleVersionException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(2));
        assertThat(readTx(() -> tasks.findById(task.id())).orElseThrow().title())
                .isEqualTo("theirs");

        Task old = saved;
        old.rename("old copy", LATER);
        assertThatThrownBy(() -> tx(() -> tasks.save(old))).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> tx(() -> tasks.save(WorkspaceFixtures.bareTask(project.id()))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void dependencyGraphIsOneQueryOverTheProject() {
        Task a = WorkspaceFixtures.todo(project.id(), "a", T0);
        Task b = dependent(project, "b", a);
        Task c = WorkspaceFixtures.task(
                project.id(), "c", TaskStatus.TODO, null, null, Set.of(), Set.of(a.id(), b.id()), null, null, T0);
        Task elsewhere = WorkspaceFixtures.todo(other.id(), "x", T0);
        Task elsewhereDependent = dependent(other, "y", elsewhere);
        txRun(() -> tasks.addAll(List.of(a, b, c, elsewhere, elsewhereDependent)));

        long count = statements(() -> {
            DependencyGraph graph = readTx(() -> tasks.dependencyGraph(project.id()));
            assertThat(graph.cycleIfAdded(a.id(), c.id())).contains(List.of(a.id(), c.id(), a.id()));
            assertThat(graph.cycleIfAdded(a.id(), elsewhere.id())).isEmpty();
            assertThat(graph.cycleIfAdded(c.id(), a.id()))
                    .as("c already depends on a")
                    .isEmpty();
        });
        assertThat(count).isEqualTo(1);
        assertThat(readTx(() -> tasks.dependencyGraph(
                                WorkspaceFixtures.bareProject(owner).id()))
                        .cycleIfAdded(a.id(), c.id()))
                .as("another project's graph is empty")
                .isEmpty();
    }

    @Test
    void doneDependentsAndOpenAssignedCounts() {
        Task base = WorkspaceFixtures.task(
                project.id(), "base", TaskStatus.DONE, ann, null, Set.of(), Set.of(), null, null, T0);
        Task doneOnBase = WorkspaceFixtures.task(
                project.id(), "done", TaskStatus.DONE, ann, null, Set.of(), Set.of(base.id()), null, null, T0);
        Task openOnBase = WorkspaceFixtures.task(
                project.id(), "open", TaskStatus.IN_PROGRESS, ann, null, Set.of(), Set.of(base.id()), null, null, T0);
        Task blocked = WorkspaceFixtures.task(
                project.id(), "blocked", TaskStatus.BLOCKED, ann, null, Set.of(), Set.of(), null, null, T0);
        Task cancelled = WorkspaceFixtures.task(
                project.id(), "cancelled", TaskStatus.CANCELLED, ann, null, Set.of(), Set.of(), null, null, T0);
        Task ownerTodo = WorkspaceFixtures.task(
                project.id(), "owner's", TaskStatus.TODO, owner, null, Set.of(), Set.of(), null, null, T0);
        txRun(() -> tasks.addAll(List.of(base, doneOnBase, openOnBase, blocked, cancelled, ownerTodo)));

        assertThat(readTx(() -> tasks.doneDependents(base.id()))).containsExactly(doneOnBase.id());
        assertThat(readTx(() -> tasks.doneDependents(openOnBase.id()))).isEmpty();
        assertThat(readTx(() -> tasks.countOpenAssigned(project.id(), ann))).isEqualTo(2);
        assertThat(readTx(() -> tasks.countOpenAssigned(project.id(), owner))).isEqualTo(1);
        assertThat(readTx(() -> tasks.countOpenAssigned(other.id(), ann))).isZero();
    }

    @Test
    void aDependencyOnATaskOfAnotherProjectIsRejectedByTheCompositeKey() {
        Task foreign = WorkspaceFixtures.todo(other.id(), "foreign", T0);
        txRun(() -> tasks.addAll(List.of(foreign)));
        // a bug that skips the domain check still cannot store it
        Task sneaky = WorkspaceFixtures.task(
                project.id(), "sneaky", TaskStatus.TODO, null, null, Set.of(), Set.of(foreign.id()), null, null, T0);
        assertThatThrownBy(() -> tx(() -> tasks.addAll(List.of(sneaky))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("dependsOn"));
        assertThat(readTx(() -> tasks.findById(sneaky.id()))).isEmpty();

        Task local = WorkspaceFixtures.todo(project.id(), "local", T0);
        txRun(() -> tasks.addAll(List.of(local)));
        Task rewired = Task.reconstitute(
                local.id(),
                local.projectId(),
                local.title(),
                local.description(),
                local.status(),
                local.priority(),
                null,
                new Effort(null, local.actualHours()),
                null,
                local.tags(),
                Set.of(foreign.id()),
                null,
                new AuditStamp(0, local.createdAt(), LATER.now()));
        assertThatThrownBy(() -> tx(() -> {
                    tasks.findById(local.id());
                    return tasks.save(rewired);
                }))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("its own project");

        // and straight SQL: the project column must match both tasks
        assertThatThrownBy(() -> sql("INSERT INTO task_dependencies (task_id, depends_on_id, project_id) VALUES ('"
                        + local.id() + "', '" + foreign.id() + "', '" + project.id() + "')"))
                .hasMessageContaining("task_dependencies_depends_on_fk");
        assertThatThrownBy(() -> sql("INSERT INTO task_dependencies (task_id, depends_on_id, project_id) VALUES ('"
                        + local.id() + "', '" + foreign.id() + "', '" + other.id() + "')"))
                .hasMessageContaining("task_dependencies_task_fk");
        assertThatThrownBy(() -> sql("INSERT INTO task_dependencies (task_id, depends_on_id, project_id) VALUES ('"
                        + local.id() + "', '" + local.id() + "', '" + project.id() + "')"))
                .hasMessageContaining("task_dependencies_not_self_ck");
    }

    @Test
    void aNonMemberAssigneeIsRejectedByTheCompositeKey() {
        Task task = WorkspaceFixtures.task(
                project.id(), "outsider's", TaskStatus.TODO, outsider, null, Set.of(), Set.of(), null, null, T0);
        assertThatThrownBy(() -> tx(() -> tasks.addAll(List.of(task))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("assigneeId");
                    assertThat(e.getMessage()).contains("not a member of project " + project.id());
                });
        Task mine = WorkspaceFixtures.todo(project.id(), "mine", T0);
        txRun(() -> tasks.addAll(List.of(mine)));
        assertThatThrownBy(
                        () -> sql("UPDATE tasks SET assignee_id = '" + outsider + "' WHERE id = '" + mine.id() + "'"))
                .hasMessageContaining("tasks_assignee_member_fk");
        // a member of another project is no member of this one
        sql("UPDATE tasks SET assignee_id = '" + ann + "' WHERE id = '" + mine.id() + "'");
    }

    @Test
    void theDatabaseKeepsTheTaskRules() {
        Task task = WorkspaceFixtures.todo(project.id(), "rules", T0);
        txRun(() -> tasks.addAll(List.of(task)));
        String id = "'" + task.id() + "'";
        assertThatThrownBy(() -> sql("UPDATE tasks SET status = 'DONE' WHERE id = " + id))
                .hasMessageContaining("tasks_completed_at_ck");
        assertThatThrownBy(() -> sql("UPDATE tasks SET completed_at = now() WHERE id = " + id))
                .hasMessageContaining("tasks_completed_at_ck");
        assertThatThrownBy(() -> sql("UPDATE tasks SET actual_hours = -1 WHERE id = " + id))
                .hasMessageContaining("tasks_actual_hours_ck");
        sql("UPDATE tasks SET status = 'DONE', completed_at = now() WHERE id = " + id);
        // deleting the project deletes its tasks and their dependencies
        sql("DELETE FROM projects WHERE id = '" + project.id() + "'");
        assertThat(query("SELECT count(*) FROM tasks WHERE id = " + id)).containsExactly("0");
    }

    @Test
    void tooManyHoursIsAValidationErrorNotAServerError() {
        Task task = WorkspaceFixtures.task(
                project.id(),
                "long",
                TaskStatus.TODO,
                null,
                null,
                Set.of(),
                Set.of(),
                null,
                new BigDecimal("999999.00"),
                T0);
        txRun(() -> tasks.addAll(List.of(task)));
        assertThatThrownBy(() -> tx(() -> {
                    Task loaded = tasks.findById(task.id()).orElseThrow();
                    loaded.logHours(new BigDecimal("1000"), LATER);
                    return tasks.save(loaded);
                }))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("hours"));
    }

    @Test
    void addingATaskTwiceIsAConflictAndToAnUnknownProjectNotFound() {
        Task task = WorkspaceFixtures.todo(project.id(), "twice", T0);
        txRun(() -> tasks.addAll(List.of(task)));
        assertThatThrownBy(() -> tx(() -> tasks.addAll(List.of(task)))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> tx(() -> tasks.addAll(List.of(WorkspaceFixtures.bareTask(
                        WorkspaceFixtures.bareProject(owner).id())))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void portsRefuseToRunOutsideATransaction() {
        assertThatThrownBy(() -> tasks.findById(TaskId.newId())).hasMessageContaining("none is running");
    }

    private static Task dependent(Project in, String title, Task on) {
        return WorkspaceFixtures.task(
                in.id(), title, TaskStatus.TODO, null, null, Set.of(), Set.of(on.id()), null, null, T0);
    }

    private List<String> dependencyRows(TaskId task) {
        return query("SELECT depends_on_id || '|' || project_id FROM task_dependencies WHERE task_id = '" + task + "'");
    }
}
