package io.strata.adapters.persistence.identity;

import io.micronaut.data.annotation.Repository;
import io.micronaut.data.jpa.repository.JpaRepository;
import java.util.UUID;

/** Micronaut Data queries over {@code users}; they join the caller's transaction. */
@Repository
interface UserJpaRepository extends JpaRepository<UserJpaEntity, UUID> {
    boolean existsByEmail(String email);

    boolean existsByUsername(String username);
}
