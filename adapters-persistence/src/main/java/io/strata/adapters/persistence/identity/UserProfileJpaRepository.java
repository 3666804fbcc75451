package io.strata.adapters.persistence.identity;

import io.micronaut.data.annotation.Repository;
import io.micronaut.data.jpa.repository.JpaRepository;
import java.util.Optional;
import java.util.UUID;

/** Micronaut Data queries over {@code user_profiles}. */
@Repository
interface UserProfileJpaRepository extends JpaRepository<UserProfileJpaEntity, UUID> {
    Optional<UserProfileJpaEntity> findByUserId(UUID userId);
}
