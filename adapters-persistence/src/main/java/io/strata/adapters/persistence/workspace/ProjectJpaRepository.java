package io.strata.adapters.persistence.workspace;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.Repository;
import io.micronaut.data.jpa.repository.JpaRepository;
import java.util.List;
import java.util.UUID;

/** Micronaut Data queries over {@code projects}; they join the caller's transaction. */
@Repository
interface ProjectJpaRepository extends JpaRepository<ProjectJpaEntity, UUID> {
    /**
     * The project and its members in one statement: no row, or one. A {@code List} on purpose: for an
     * {@code Optional} Micronaut Data sets {@code maxResults(1)}, which Hibernate cannot apply to a
     * fetch join in SQL and applies in memory instead (warning HHH90003004).
     */
    @Query("SELECT p FROM ProjectJpaEntity p LEFT JOIN FETCH p.members WHERE p.id = :id")
    List<ProjectJpaEntity> findWithMembers(UUID id);

    /** One index-only count on {@code projects_owner_created_at_ix}. */
    long countByOwnerId(UUID ownerId);
}
