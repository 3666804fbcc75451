package io.strata.bench.peer.repository;

import io.strata.bench.peer.domain.Session;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.stereotype.Repository;

@Repository
public interface SessionRepository extends JpaRepository<Session, UUID> {

    /** The session of a token hash, with its user (whose role and status the caller needs) in the same query. */
    @EntityGraph(attributePaths = "user")
    Optional<Session> findOneWithUserByTokenHash(String tokenHash);

    /**
     * Moves {@code last_seen_at} unless another request already did: a bulk update, so that concurrent requests of one
     * session never fail on the session's version.
     */
    @Modifying
    @Query("update Session s set s.lastSeenAt = :now where s.id = :id and (s.lastSeenAt is null or s.lastSeenAt <= :seenBefore)")
    int markSeen(@Param("id") UUID id, @Param("now") Instant now, @Param("seenBefore") Instant seenBefore);
}
