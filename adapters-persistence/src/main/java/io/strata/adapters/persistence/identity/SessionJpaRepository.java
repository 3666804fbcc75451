package io.strata.adapters.persistence.identity;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.Repository;
import io.micronaut.data.jpa.repository.JpaRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Micronaut Data queries over {@code sessions}. */
@Repository
interface SessionJpaRepository extends JpaRepository<SessionJpaEntity, UUID> {
    /** Unrevoked, unexpired sessions of a user, newest first (index sessions_user_active_ix). */
    @Query("SELECT s FROM SessionJpaEntity s WHERE s.userId = :userId AND s.revokedAt IS NULL AND s.expiresAt > :now "
            + "ORDER BY s.createdAt DESC, s.id DESC")
    List<SessionJpaEntity> findActive(UUID userId, Instant now);
}
