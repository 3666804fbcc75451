package io.strata.adapters.persistence.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.shared.ReadOnlyFlushes;
import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskRepository;
import io.strata.domain.workspace.TaskStatus;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadOnlyFlushes} with entities that hold a collection (a task's dependencies): reading them in a read-only
 * transaction flushes nothing; changing the collection there is flushed, and PostgreSQL refuses it.
 */
class ReadOnlyCollectionFlushesTest extends PostgresTest {
    private EntityManager entityManager;
    private Task dependent;

    @BeforeAll
    void seed() {
        entityManager = bean(EntityManager.class);
        User owner = tx(() -> bean(UserRepository.class).add(WorkspaceFixtures.user("owner")));
        Project project =
                tx(() -> bean(ProjectRepository.class).add(WorkspaceFixtures.fullProject(owner.id(), List.of())));
        Task first = WorkspaceFixtures.bareTask(project.id());
        dependent = WorkspaceFixtures.task(
                project.id(),
                "Dependent",
                TaskStatus.TODO,
                null,
                null,
                Set.of(),
                Set.of(first.id()),
                null,
                BigDecimal.ZERO.setScale(2),
                WorkspaceFixtures.T0);
        txRun(() -> bean(TaskRepository.class).addAll(List.of(first, dependent)));
    }

    private int dependenciesOf(Task task) {
        return entityManager
                .find(TaskJpaEntity.class, task.id().value())
                .getDependencies()
                .size();
    }

    @Test
    void readingEntitiesWithTheirCollectionsFlushesNothing() {
        statistics().clear();
        assertThat(readTx(() ->
                        entityManager
                                .createQuery("select t from TaskJpaEntity t", TaskJpaEntity.class)
                                .getResultList()
                                .stream()
                                .mapToInt(task -> task.getDependencies().size())
                                .sum()))
                .isEqualTo(1);
        assertThat(statistics().getCollectionLoadCount())
                .as("collections were read")
                .isPositive();
        assertThat(statistics().getFlushCount()).isZero();
    }

    @Test
    void aCollectionChangedInAReadOnlyTransactionIsFlushedAndRefused() {
        assertThatThrownBy(() -> readTx(() -> {
                    entityManager
                            .find(TaskJpaEntity.class, dependent.id().value())
                            .getDependencies()
                            .clear();
                    return null;
                }))
                .hasStackTraceContaining("read-only transaction");
        assertThat(readTx(() -> dependenciesOf(dependent))).isEqualTo(1);
    }
}
