package io.strata.adapters.persistence.workspace;

import static io.strata.adapters.persistence.workspace.WorkspaceFixtures.T0;
import static io.strata.adapters.persistence.workspace.WorkspaceFixtures.TODAY;
import static io.strata.adapters.persistence.workspace.WorkspaceJpaMappersTest.assertSameState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.hibernate.HibernateTransactionManager;
import io.strata.adapters.persistence.testing.JdbcCalls;
import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.workspace.Budget;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.ProjectProgress;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.ProjectStatus;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskRepository;
import io.strata.domain.workspace.TaskStatus;
import io.strata.domain.workspace.TaskTally;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectPersistenceAdapterTest extends PostgresTest {
    private static final Clock LATER = () -> T0.plusSeconds(3600);
    private ProjectRepository projects;
    private TaskRepository tasks;
    private UserId owner;
    private UserId ann;
    private UserId bob;
    private ExecutorService threads;

    @BeforeAll
    void beans() {
        projects = bean(ProjectRepository.class);
        tasks = bean(TaskRepository.class);
        UserRepository users = bean(UserRepository.class);
        List<User> added = tx(() -> List.of(
                users.add(WorkspaceFixtures.user("owner")),
                users.add(WorkspaceFixtures.user("ann")),
                users.add(WorkspaceFixtures.user("bob"))));
        owner = added.get(0).id();
        ann = added.get(1).id();
        bob = added.get(2).id();
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    @BeforeEach
    void clean() {
        sql("DELETE FROM projects");
    }

    @Test
    void addThenFindReturnsTheSameProjectWithItsMembersInOneStatement() {
        Project project = WorkspaceFixtures.fullProject(owner, List.of(ann, bob));
        assertThat(tx(() -> projects.add(project))).isSameAs(project);

        long count = statements(() -> readTx(() -> {
            Project found = projects.findById(project.id()).orElseThrow();
            assertSameState(found, project);
            assertThat(found.members()).containsExactlyInAnyOrder(owner, ann, bob);
            assertThat(found.budget()).isEqualTo(new Budget(new BigDecimal("1250000.50"), "EUR"));
            return found;
        }));
        assertThat(count).as("project LEFT JOIN members").isEqualTo(1);
        assertThat(readTx(() -> projects.findById(ProjectId.newId()))).isEmpty();
        // a read-write transaction loads the managed entity instead (it may save it): the same project
        assertThat(statements(() -> assertSameState(
                        tx(() -> projects.findById(project.id())).orElseThrow(), project)))
                .isEqualTo(1);
        assertThat(tx(() -> projects.findById(ProjectId.newId()))).isEmpty();

        Project bare = tx(() -> projects.add(WorkspaceFixtures.bareProject(owner)));
        assertSameState(readTx(() -> projects.findById(bare.id())).orElseThrow(), bare);
        assertSameState(tx(() -> projects.findById(bare.id())).orElseThrow(), bare);
        assertThat(query("SELECT search_text FROM projects WHERE id = '" + project.id() + "'"))
                .containsExactly("apollo go to the moon.");
    }

    @Test
    void addAllInsertsProjectsMembersAndTasksInJdbcBatchesWithoutReadingAny() {
        List<Project> many = new java.util.ArrayList<>();
        List<Task> manyTasks = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Project project = WorkspaceFixtures.project(
                    "p" + i,
                    owner,
                    Set.of(ann, bob),
                    ProjectStatus.ACTIVE,
                    Priority.LOW,
                    null,
                    null,
                    Set.of("bulk"),
                    T0.plusSeconds(i));
            many.add(project);
            for (int t = 0; t < 4; t++) {
                manyTasks.add(WorkspaceFixtures.task(
                        project.id(),
                        "t" + t,
                        TaskStatus.TODO,
                        t == 0 ? ann : null,
                        null,
                        Set.of(),
                        Set.of(),
                        null,
                        null,
                        T0.plusSeconds(i)));
            }
        }

        statistics().clear();
        JdbcCalls calls = tx(() -> {
            JdbcCalls counted = JdbcCalls.attach(bean(EntityManager.class));
            projects.addAll(many);
            tasks.addAll(manyTasks);
            return counted;
        });

        // 300 projects, 900 member rows, 1,200 tasks: one JDBC batch each but the tasks (two), never a SELECT
        assertThat(calls.batches()).isEqualTo(4);
        assertThat(calls.statements()).isZero();
        assertThat(statistics().getEntityLoadCount()).isZero();
        assertThat(query("SELECT count(*) FROM projects")).containsExactly("300");
        assertThat(query("SELECT count(*) FROM project_members m JOIN projects p ON p.id = m.project_id"))
                .containsExactly("900");
        assertThat(query("SELECT count(*) FROM tasks")).containsExactly("1200");
        assertSameState(readTx(() -> projects.findById(many.get(299).id())).orElseThrow(), many.get(299));
        assertThatThrownBy(() -> txRun(() -> projects.addAll(List.of(WorkspaceFixtures.bareProject(UserId.newId())))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("ownerId"));
    }

    @Test
    void addingTheSameProjectTwiceIsAConflict() {
        Project project = WorkspaceFixtures.bareProject(owner);
        txRun(() -> projects.add(project));
        assertThatThrownBy(() -> tx(() -> projects.add(project)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void unknownOwnerOrMemberIsAValidationError() {
        assertThatThrownBy(() -> tx(() -> projects.add(WorkspaceFixtures.bareProject(UserId.newId()))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("ownerId"));
        assertThatThrownBy(() -> tx(() -> projects.add(WorkspaceFixtures.fullProject(owner, List.of(UserId.newId())))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("members"));
        assertThat(query("SELECT count(*) FROM projects")).containsExactly("0");
    }

    @Test
    void saveWritesChangesAndOnlyTheMemberRowsThatChanged() {
        Project project = tx(() -> projects.add(WorkspaceFixtures.fullProject(owner, List.of(ann))));
        long count = statements(() -> txRun(() -> {
            Project loaded = projects.findById(project.id()).orElseThrow();
            loaded.rename("Artemis", LATER);
            loaded.removeMember(ann, 0, LATER);
            loaded.addMember(bob, LATER);
            loaded.changeBudget(null, LATER);
            loaded.retag(Tags.of(Set.of("moon")), LATER);
            Project saved = projects.save(loaded);
            assertThat(saved.version()).isEqualTo(1);
            assertThat(saved.members()).containsExactlyInAnyOrder(owner, bob);
        }));
        assertThat(count)
                .as("SELECT; changed members: the managed entity read again for Hibernate, which updates projects,"
                        + " deletes one member and inserts one; INSERT the two events")
                .isEqualTo(6);
        Project reloaded = readTx(() -> projects.findById(project.id())).orElseThrow();
        assertThat(reloaded.name()).isEqualTo("Artemis");
        assertThat(reloaded.members()).containsExactlyInAnyOrder(owner, bob);
        assertThat(reloaded.budget()).isNull();
        assertThat(reloaded.tags().values()).containsExactly("moon");
        assertThat(reloaded.version()).isEqualTo(1);
        assertThat(reloaded.updatedAt()).isEqualTo(LATER.now());
    }

    @Test
    void saveWithoutChangesIssuesNoUpdate() {
        Project project = tx(() -> projects.add(WorkspaceFixtures.fullProject(owner, List.of(ann))));
        long count = statements(
                () -> txRun(() -> projects.save(projects.findById(project.id()).orElseThrow())));
        assertThat(count).as("only the SELECT").isEqualTo(1);
        assertThat(readTx(() -> projects.findById(project.id())).orElseThrow().version())
                .isZero();
    }

    @Test
    void concurrentSaveCommittedFirstMakesTheOtherStale() {
        Project project = tx(() -> projects.add(WorkspaceFixtures.bareProject(owner)));
        HibernateTransactionManager manager = bean(HibernateTransactionManager.class);
        assertThatThrownBy(() -> txRun(() -> {
                    Project mine = projects.findById(project.id()).orElseThrow();
                    manager.execute(
                            TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
                                Project theirs = projects.findById(project.id()).orElseThrow();
                                theirs.addMember(ann, LATER);
                                return projects.save(theirs);
                            });
                    mine.rename("Late", LATER);
                    projects.save(mine);
                }))
                .isInstanceOfSatisfying(
                        StaleVersionException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(1));
        Project stored = readTx(() -> projects.findById(project.id())).orElseThrow();
        assertThat(stored.name()).isEqualTo("Bare");
        assertThat(stored.members()).containsExactlyInAnyOrder(owner, ann);
    }

    @Test
    void savingAnOldCopyIsStaleAndAnUnknownProjectIsNotFound() {
        Project project = tx(() -> projects.add(WorkspaceFixtures.bareProject(owner)));
        Project old = readTx(() -> projects.findById(project.id())).orElseThrow();
        txRun(() -> {
            Project fresh = projects.findById(project.id()).orElseThrow();
            fresh.prioritize(Priority.CRITICAL, LATER);
            projects.save(fresh);
        });
        old.rename("Too late", LATER);
        assertThatThrownBy(() -> tx(() -> projects.save(old)))
                .isInstanceOfSatisfying(
                        StaleVersionException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(1));
        assertThatThrownBy(() -> tx(() -> projects.save(WorkspaceFixtures.bareProject(owner))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void lockByIdReadsTheProjectForUpdate() {
        Project project = tx(() -> projects.add(WorkspaceFixtures.fullProject(owner, List.of(ann))));
        long count = statements(() -> txRun(() -> {
            Project locked = projects.lockById(project.id()).orElseThrow();
            assertSameState(locked, project);
        }));
        assertThat(count)
                .as("SELECT ... FOR NO KEY UPDATE with the members, no wait")
                .isEqualTo(1);
        assertThat(tx(() -> projects.lockById(ProjectId.newId()))).isEmpty();
        // loaded earlier in the same transaction: the lock is taken on the loaded row
        txRun(() -> {
            Project loaded = projects.findById(project.id()).orElseThrow();
            assertSameState(projects.lockById(project.id()).orElseThrow(), loaded);
        });
    }

    @Test
    void lockByIdMakesASecondTransactionWaitUntilTheFirstCommits() throws Exception {
        Project project = tx(() -> projects.add(WorkspaceFixtures.bareProject(owner)));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> txRun(() -> {
            Project mine = projects.lockById(project.id()).orElseThrow();
            locked.countDown();
            await(release);
            mine.addMember(ann, LATER);
            projects.save(mine);
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        Future<Project> second =
                threads.submit(() -> tx(() -> projects.lockById(project.id()).orElseThrow()));
        awaitALockWaiter();
        Thread.sleep(200);
        assertThat(second.isDone())
                .as("the second lockById waits for the first transaction")
                .isFalse();

        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        Project seen = second.get(10, TimeUnit.SECONDS);
        assertThat(seen.version())
                .as("read after the lock: what the first transaction committed")
                .isEqualTo(1);
        assertThat(seen.members()).containsExactlyInAnyOrder(owner, ann);
    }

    @Test
    void removingAMemberUnassignsTheirTasksThroughTheCompositeKey() {
        Project project = tx(() -> projects.add(WorkspaceFixtures.fullProject(owner, List.of(ann))));
        Task done = WorkspaceFixtures.task(
                project.id(), "done by ann", TaskStatus.DONE, ann, null, Set.of(), Set.of(), null, null, T0);
        txRun(() -> tasks.addAll(List.of(done)));
        txRun(() -> {
            Project loaded = projects.lockById(project.id()).orElseThrow();
            loaded.removeMember(ann, tasks.countOpenAssigned(project.id(), ann), LATER);
            projects.save(loaded);
        });
        assertThat(readTx(() -> tasks.findById(done.id())).orElseThrow().assigneeId())
                .isNull();
    }

    @Test
    void theTallyIsStoredWithTheProjectAndMovesItsVersionNotItsUpdatedAt() {
        Project project = tx(() -> projects.add(WorkspaceFixtures.fullProject(owner, List.of(ann))));
        assertThat(project.taskTally()).isEqualTo(new TaskTally(7, 3, 0));
        txRun(() -> {
            Project locked = projects.lockById(project.id()).orElseThrow();
            locked.countTaskAdded(TaskStatus.TODO);
            locked.countTaskMoved(TaskStatus.TODO, TaskStatus.DONE);
            locked.countTaskMoved(TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED);
            projects.save(locked);
        });
        Project read = readTx(() -> projects.findById(project.id())).orElseThrow();
        assertThat(read.taskTally()).isEqualTo(new TaskTally(8, 4, 1));
        assertThat(read.completion()).isEqualTo(57);
        assertThat(read.version()).isEqualTo(project.version() + 1);
        assertThat(read.updatedAt()).isEqualTo(project.updatedAt());
        assertThat(query("SELECT concat_ws(',', task_count, done_task_count, cancelled_task_count, completion) "
                        + "FROM projects WHERE id = '" + project.id() + "'"))
                .containsExactly("8,4,1,57");
    }

    @Test
    void progressCountsByStatusSumsHoursAndCountsOverdueOpenTasks() {
        Project project = tx(() -> projects.add(WorkspaceFixtures.fullProject(owner, List.of(ann))));
        LocalDate yesterday = TODAY.minusDays(1);
        txRun(() -> tasks.addAll(List.of(
                task(project, "overdue todo", TaskStatus.TODO, yesterday, "10.50", "1.25"),
                task(project, "overdue blocked", TaskStatus.BLOCKED, yesterday.minusDays(30), "2", "0"),
                task(project, "due today", TaskStatus.IN_PROGRESS, TODAY, null, "3.00"),
                task(project, "done late", TaskStatus.DONE, yesterday, "4", "6.5"),
                task(project, "cancelled late", TaskStatus.CANCELLED, yesterday, null, "0"),
                task(project, "no due date", TaskStatus.TODO, null, "1.25", "0"),
                task(project, "done", TaskStatus.DONE, null, null, "0"))));
        Project empty = tx(() -> projects.add(WorkspaceFixtures.bareProject(owner)));

        long count = statements(() -> {
            ProjectProgress progress = readTx(() -> projects.progress(project.id(), TODAY));
            assertThat(progress.projectId()).isEqualTo(project.id());
            assertThat(progress.total()).isEqualTo(7);
            assertThat(progress.byStatus())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            TaskStatus.TODO,
                            2L,
                            TaskStatus.IN_PROGRESS,
                            1L,
                            TaskStatus.BLOCKED,
                            1L,
                            TaskStatus.DONE,
                            2L,
                            TaskStatus.CANCELLED,
                            1L));
            assertThat(progress.estimatedHours()).isEqualByComparingTo("17.75");
            assertThat(progress.actualHours()).isEqualByComparingTo("10.75");
            assertThat(progress.overdue()).isEqualTo(2);
            assertThat(progress.completion()).as("2 DONE of 6 not cancelled").isEqualTo(33);
        });
        assertThat(count).isEqualTo(1);

        ProjectProgress none = readTx(() -> projects.progress(empty.id(), TODAY));
        assertThat(none.total()).isZero();
        assertThat(none.byStatus())
                .hasSize(5)
                .allSatisfy((status, n) -> assertThat(n).isZero());
        assertThat(none.estimatedHours()).isEqualByComparingTo("0");
        assertThat(none.completion()).isZero();
    }

    @Test
    void theDatabaseKeepsTheProjectRules() {
        Project project = tx(() -> projects.add(WorkspaceFixtures.bareProject(owner)));
        String id = "'" + project.id() + "'";
        assertThatThrownBy(() ->
                        sql("UPDATE projects SET start_date = '2026-02-01', due_date = '2026-01-01' WHERE id = " + id))
                .hasMessageContaining("projects_schedule_ck");
        assertThatThrownBy(() -> sql("UPDATE projects SET budget_amount = 10 WHERE id = " + id))
                .hasMessageContaining("projects_budget_ck");
        assertThatThrownBy(
                        () -> sql("UPDATE projects SET budget_amount = -1, budget_currency = 'EUR' WHERE id = " + id))
                .hasMessageContaining("projects_budget_amount_ck");
        assertThatThrownBy(() -> sql("UPDATE projects SET completion = 101 WHERE id = " + id))
                .hasMessageContaining("projects_completion_ck");
        assertThatThrownBy(() -> sql("UPDATE projects SET status = 'DONE' WHERE id = " + id))
                .hasMessageContaining("projects_status_ck");
        assertThatThrownBy(() -> sql("DELETE FROM users WHERE id = '" + owner + "'"))
                .hasMessageContaining("projects_owner_fk");
    }

    @Test
    void portsRefuseToRunOutsideATransaction() {
        assertThatThrownBy(() -> projects.findById(ProjectId.newId())).hasMessageContaining("none is running");
    }

    private static Task task(
            Project project, String title, TaskStatus status, LocalDate due, String estimated, String actual) {
        return WorkspaceFixtures.task(
                project.id(),
                title,
                status,
                null,
                due,
                Set.of(),
                Set.of(),
                estimated == null ? null : new BigDecimal(estimated).setScale(2),
                new BigDecimal(actual).setScale(2),
                T0);
    }

    /** Waits until some backend of this database waits for a row lock. */
    private void awaitALockWaiter() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (!query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                            + "AND wait_event_type = 'Lock'")
                    .isEmpty()) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no transaction waits for the lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
