package io.strata.adapters.persistence.identity;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionId;
import io.strata.domain.identity.SessionPrincipal;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** {@link SessionRepository} on PostgreSQL; runs in the caller's transaction. */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
public class SessionPersistenceAdapter implements SessionRepository {
    private final EntityManager entityManager;
    private final SessionJpaRepository repository;
    private final SessionJpaMapper mapper;

    SessionPersistenceAdapter(EntityManager entityManager, SessionJpaRepository repository, SessionJpaMapper mapper) {
        this.entityManager = entityManager;
        this.repository = repository;
        this.mapper = mapper;
    }

    /** Inserts at once: an unknown user is a {@link NotFoundException}. */
    @Override
    public Session add(Session session) {
        try {
            entityManager.persist(mapper.toEntity(session));
            entityManager.flush();
        } catch (PersistenceException e) {
            throw PersistenceErrors.violatedConstraint(e).<RuntimeException>map(constraint -> switch (constraint) {
                case "sessions_user_fk" -> new NotFoundException("user", session.userId());
                case "sessions_token_hash_uk", "sessions_pk" -> new ConflictException("session already exists");
                default -> e;
            }).orElse(e);
        }
        return session;
    }

    @Override
    public Session save(Session session) {
        return mapper.toDomain(AggregateWrites.saveChanges(entityManager, SessionJpaEntity.class, session.id().value(), session.version(),
                "session", session.id(), entity -> mapper.copyChanges(session, entity), e -> e));
    }

    @Override
    public Optional<Session> findById(SessionId id) {
        return repository.findById(id.value()).map(mapper::toDomain);
    }

    /** One statement: sessions JOIN users on the token hash's unique index. */
    @Override
    public Optional<SessionPrincipal> findPrincipal(String tokenHash) {
        return entityManager.createQuery("""
                        SELECT s, u.role, u.status FROM SessionJpaEntity s JOIN UserJpaEntity u ON u.id = s.userId
                        WHERE s.tokenHash = :tokenHash""", Object[].class)
                .setParameter("tokenHash", tokenHash)
                .getResultStream()
                .findFirst()
                .map(row -> new SessionPrincipal(mapper.toDomain((SessionJpaEntity) row[0]), (Role) row[1],
                        (UserStatus) row[2]));
    }

    /**
     * One UPDATE without a version check (many requests share a session and must not conflict), and
     * without a version bump: lastSeenAt is a hint, not state that concurrent writers must agree on.
     */
    @Override
    public void markSeen(SessionId id, Instant at) {
        entityManager.createQuery("""
                        UPDATE SessionJpaEntity s SET s.lastSeenAt = :at
                        WHERE s.id = :id AND (s.lastSeenAt IS NULL OR s.lastSeenAt < :at)""")
                .setParameter("at", at)
                .setParameter("id", id.value())
                .executeUpdate();
    }

    @Override
    public List<Session> findActiveByUser(UserId userId, Instant now) {
        return repository.findActive(userId.value(), now).stream().map(mapper::toDomain).toList();
    }

    /** One UPDATE; each revoked session's version moves on, so a concurrent save of it is stale. */
    @Override
    public int revokeAllExcept(UserId userId, SessionId keep, Instant now) {
        String keepClause = keep == null ? "" : " AND s.id <> :keep";
        var update = entityManager.createQuery("""
                        UPDATE SessionJpaEntity s SET s.revokedAt = :now, s.updatedAt = :now, s.version = s.version + 1
                        WHERE s.userId = :userId AND s.revokedAt IS NULL AND s.expiresAt > :now""" + keepClause)
                .setParameter("now", now)
                .setParameter("userId", userId.value());
        if (keep != null) {
            update.setParameter("keep", keep.value());
        }
        return update.executeUpdate();
    }

    @Override
    public int revokeAllOf(Collection<UserId> userIds, Instant now) {
        return entityManager.createQuery("""
                        UPDATE SessionJpaEntity s SET s.revokedAt = :now, s.updatedAt = :now, s.version = s.version + 1
                        WHERE s.userId IN :userIds AND s.revokedAt IS NULL AND s.expiresAt > :now""")
                .setParameter("now", now)
                .setParameter("userIds", userIds.stream().map(UserId::value).toList())
                .executeUpdate();
    }

}
