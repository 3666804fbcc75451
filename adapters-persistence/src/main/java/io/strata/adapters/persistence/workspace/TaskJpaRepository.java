package io.strata.adapters.persistence.workspace;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.Repository;
import io.micronaut.data.jpa.repository.JpaRepository;
import io.strata.domain.workspace.TaskStatus;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Micronaut Data queries over {@code tasks}; they join the caller's transaction. */
@Repository
interface TaskJpaRepository extends JpaRepository<TaskJpaEntity, UUID> {
    /** The tasks and their dependencies in one statement. */
    @Query("SELECT DISTINCT t FROM TaskJpaEntity t LEFT JOIN FETCH t.dependencies WHERE t.id IN :ids")
    List<TaskJpaEntity> findAllWithDependencies(Collection<UUID> ids);

    /** Only the project id: the task itself is not loaded into the session. */
    @Query("SELECT t.projectId FROM TaskJpaEntity t WHERE t.id = :id")
    Optional<UUID> findProjectId(UUID id);

    /** Ids of the tasks in {@code status} that depend on {@code dependsOnId}. */
    @Query(
            "SELECT t.id FROM TaskJpaEntity t JOIN t.dependencies d WHERE d.dependsOnId = :dependsOnId AND t.status = :status ORDER BY t.id")
    List<UUID> findDependents(UUID dependsOnId, TaskStatus status);

    long countByProjectIdAndAssigneeIdAndStatusIn(UUID projectId, UUID assigneeId, Collection<TaskStatus> status);
}
