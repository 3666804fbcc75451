package io.strata.adapters.persistence.workspace;

import io.micronaut.data.annotation.Repository;
import io.micronaut.data.jpa.repository.JpaRepository;
import java.util.UUID;

/** Micronaut Data queries over {@code projects}; they join the caller's transaction. */
@Repository
interface ProjectJpaRepository extends JpaRepository<ProjectJpaEntity, UUID> {
    /** One index-only count on {@code projects_owner_created_at_ix}. */
    long countByOwnerId(UUID ownerId);
}
