package io.strata.adapters.persistence.workspace;

import static io.strata.adapters.persistence.workspace.WorkspaceFixtures.T0;
import static io.strata.adapters.persistence.workspace.WorkspaceJpaMappersTest.assertSameState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.shared.AggregateJpaColumns;
import io.strata.adapters.persistence.shared.AggregateTable;
import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.workspace.Effort;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import io.strata.domain.workspace.TaskRepository;
import io.strata.domain.workspace.TaskStatus;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.sql.model.jdbc.JdbcMutationOperation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plain write path of the workspace adapters ({@link AggregateTable}): the statements are Hibernate's own, the
 * rows round-trip, and a transaction that saved on it reads its own write.
 */
class WorkspacePlainWritesTest extends PostgresTest {
    private static final Clock LATER = () -> T0.plusSeconds(3600);
    private ProjectRepository projects;
    private TaskRepository tasks;
    private UserId owner;
    private UserId ann;
    private Project project;

    @BeforeAll
    void beans() {
        projects = bean(ProjectRepository.class);
        tasks = bean(TaskRepository.class);
        UserRepository users = bean(UserRepository.class);
        List<User> added = tx(() -> List.of(
                users.add(WorkspaceFixtures.user("plain-owner")), users.add(WorkspaceFixtures.user("plain-ann"))));
        owner = added.get(0).id();
        ann = added.get(1).id();
    }

    @BeforeEach
    void clean() {
        sql("DELETE FROM projects", "DELETE FROM events");
        project = tx(() -> projects.add(WorkspaceFixtures.fullProject(owner, List.of(ann))));
    }

    @Test
    void theDeclaredTablesRenderTheStatementsHibernateWould() {
        assertHibernatesStatements(TaskPersistenceAdapter.TABLE);
        assertHibernatesStatements(ProjectPersistenceAdapter.TABLE);
    }

    private void assertHibernatesStatements(AggregateTable<? extends AggregateJpaColumns> table) {
        SessionFactoryImplementor factory = bean(EntityManagerFactory.class).unwrap(SessionFactoryImplementor.class);
        EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(table.type());
        assertThat(table.insertSql())
                .as("the INSERT of %s", table.table())
                .isEqualTo(sql(persister.getInsertCoordinator().getStaticMutationOperationGroup()));
        assertThat(table.updateSql())
                .as("the UPDATE of %s", table.table())
                .isEqualTo(sql(persister.getUpdateCoordinator().getStaticMutationOperationGroup()));
    }

    private static String sql(org.hibernate.sql.model.MutationOperationGroup group) {
        return ((JdbcMutationOperation) group.getSingleOperation()).getSqlString();
    }

    @Test
    void oneTaskIsOneInsertAndItsEventAndComesBackAsItWent() {
        Task hostile = Task.reconstitute(
                TaskId.newId(),
                project.id(),
                "Quote ' \" back\\slash, tab\t and ünïcödé ✓",
                "line\nbreak; DROP TABLE tasks; --",
                TaskStatus.DONE,
                Priority.LOW,
                ann,
                new Effort(new BigDecimal("0.25"), new BigDecimal("999999.99")),
                LocalDate.parse("2030-02-28"),
                Tags.of(Set.of("a,b", "quo\"te", "back\\slash", "{brace}")),
                Set.of(),
                T0.plusSeconds(5),
                new AuditStamp(0, T0, T0.plusSeconds(5)));
        long count = statements(() -> txRun(() -> tasks.addAll(List.of(hostile))));
        assertThat(count)
                .as("INSERT tasks (a reconstituted task records no event)")
                .isEqualTo(1);
        assertSameState(readTx(() -> tasks.findById(hostile.id())).orElseThrow(), hostile);
        assertSameState(tx(() -> tasks.findById(hostile.id())).orElseThrow(), hostile);

        // one with dependencies: Hibernate writes its row and its dependency rows
        Task dependent = WorkspaceFixtures.fullTask(project.id(), ann, Set.of(hostile.id()));
        txRun(() -> tasks.addAll(List.of(dependent)));
        Task found = readTx(() -> tasks.findById(dependent.id())).orElseThrow();
        assertSameState(found, dependent);
        assertThat(found.dependsOn()).containsExactly(hostile.id());
    }

    @Test
    void aPlainSaveIsOneUpdateAndTheTransactionReadsItsOwnWrite() {
        List<Project> firstSaved = new ArrayList<>();
        long count = statements(() -> txRun(() -> {
            Project loaded = projects.lockById(project.id()).orElseThrow();
            loaded.rename("Artemis", LATER);
            Project saved = projects.save(loaded);
            assertThat(saved.version()).isEqualTo(1);
            firstSaved.add(saved);
            // the entity left the session: this read is the row as updated, and it can be saved again
            Project again = projects.findById(project.id()).orElseThrow();
            assertThat(again.name()).isEqualTo("Artemis");
            assertThat(again.version()).isEqualTo(1);
            again.prioritize(Priority.CRITICAL, LATER);
            assertThat(projects.save(again).version()).isEqualTo(2);
        }));
        assertThat(count)
                .as("lock, members, UPDATE, events; find, UPDATE, events; find")
                .isLessThanOrEqualTo(8);
        Project stored = readTx(() -> projects.findById(project.id())).orElseThrow();
        assertThat(stored.name()).isEqualTo("Artemis");
        assertThat(stored.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.members()).containsExactlyInAnyOrder(owner, ann);
        assertThat(query("SELECT version FROM projects WHERE id = '" + project.id() + "'"))
                .containsExactly("2");
        // a copy at a version the row has moved past is stale, and changes nothing
        Project old = firstSaved.get(0);
        old.rename("Too late", LATER);
        assertThatThrownBy(() -> tx(() -> projects.save(old)))
                .isInstanceOfSatisfying(
                        StaleVersionException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(2));
        assertThat(query("SELECT name FROM projects WHERE id = '" + project.id() + "'"))
                .containsExactly("Artemis");
    }

    @Test
    void aTaskSavedWithoutAChangeIsNotWrittenAndAChangedOneIsOneUpdate() {
        Task task = WorkspaceFixtures.bareTask(project.id());
        txRun(() -> tasks.addAll(List.of(task)));
        assertThat(statements(
                        () -> txRun(() -> tasks.save(tasks.findById(task.id()).orElseThrow()))))
                .as("only the SELECT")
                .isEqualTo(1);
        long count = statements(() -> txRun(() -> {
            Task loaded = tasks.findById(task.id()).orElseThrow();
            loaded.logHours(new BigDecimal("1.5"), LATER);
            assertThat(tasks.save(loaded).version()).isEqualTo(1);
        }));
        assertThat(count).as("SELECT, UPDATE, the event").isLessThanOrEqualTo(3);
        Task stored = readTx(() -> tasks.findById(task.id())).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.actualHours()).isEqualByComparingTo("1.5");
        assertThat(stored.updatedAt()).isEqualTo(LATER.now());
    }

    @Test
    void aTaskNotReadForChangeAndOneWhoseDependenciesChangedAreSavedByHibernate() {
        Task first = WorkspaceFixtures.bareTask(project.id());
        Task second = WorkspaceFixtures.bareTask(project.id());
        txRun(() -> tasks.addAll(List.of(first, second)));
        txRun(() -> {
            // read by Hibernate (findAllById), not kept for a plain save
            Task loaded = tasks.findAllById(List.of(first.id())).get(0);
            loaded.logHours(new BigDecimal("2"), LATER);
            assertThat(tasks.save(loaded).version()).isEqualTo(1);
            // read for change, then a changed dependency: Hibernate writes it, and the next save too
            Task other = tasks.findById(second.id()).orElseThrow();
            other.dependOn(tasks.findById(first.id()).orElseThrow(), tasks.dependencyGraph(project.id()), LATER);
            Task saved = tasks.save(other);
            assertThat(saved.version()).isEqualTo(1);
            saved.logHours(new BigDecimal("3"), LATER);
            assertThat(tasks.save(saved).version()).isEqualTo(2);
        });
        assertThat(readTx(() -> tasks.findById(first.id())).orElseThrow().actualHours())
                .isEqualByComparingTo("2");
        Task stored = readTx(() -> tasks.findById(second.id())).orElseThrow();
        assertThat(stored.dependsOn()).containsExactly(first.id());
        assertThat(stored.actualHours()).isEqualByComparingTo("3");
        assertThat(stored.version()).isEqualTo(2);
    }
}
