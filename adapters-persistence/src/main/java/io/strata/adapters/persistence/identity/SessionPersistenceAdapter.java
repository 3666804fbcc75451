package io.strata.adapters.persistence.identity;

import io.strata.adapters.persistence.shared.AggregateTable;
import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.adapters.persistence.shared.PlainReads;
import io.strata.adapters.persistence.shared.cache.VersionedCache;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionId;
import io.strata.domain.identity.SessionPrincipal;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.identity.SessionRevoked;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.query.NativeQuery;

/** {@link SessionRepository} on PostgreSQL; runs in the caller's transaction. */
@Singleton
@JoinsTransaction
public class SessionPersistenceAdapter implements SessionRepository {
    /** Revokes active sessions (a condition on the user follows); the version moves on, so a concurrent save is stale. */
    private static final String REVOKE = """
            UPDATE sessions SET revoked_at = :now, updated_at = :now, version = version + 1
            WHERE revoked_at IS NULL AND expires_at > :now""";

    private static final String REVOKED = " RETURNING id, user_id, token_hash";

    private static final String MARK_SEEN =
            "UPDATE sessions SET last_seen_at = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at < ?)";

    /** The row of {@code sessions} for the plain insert of {@link AggregateWrites}: a log-in adds one per success. */
    static final AggregateTable<SessionJpaEntity> TABLE = AggregateTable.of(SessionJpaEntity.class, "sessions")
            .instant("created_at", SessionJpaEntity::getCreatedAt)
            .json("device_info", SessionJpaEntity::getDeviceInfo)
            .instant("expires_at", SessionJpaEntity::getExpiresAt)
            .inet("ip_address", SessionJpaEntity::getIpAddress)
            .instant("last_seen_at", SessionJpaEntity::getLastSeenAt)
            .instant("revoked_at", SessionJpaEntity::getRevokedAt)
            .fixedText("token_hash", SessionJpaEntity::getTokenHash)
            .instant("updated_at", SessionJpaEntity::getUpdatedAt)
            .text("user_agent", SessionJpaEntity::getUserAgent)
            .uuid("user_id", SessionJpaEntity::getUserId)
            .insertOnly("created_at", "token_hash", "user_id")
            .build();

    private final EntityManager entityManager;
    private final SessionJpaRepository repository;
    private final SessionJpaMapper mapper;
    private final SessionPrincipalCacheAdapter principals;

    SessionPersistenceAdapter(
            EntityManager entityManager,
            SessionJpaRepository repository,
            SessionJpaMapper mapper,
            SessionPrincipalCacheAdapter principals) {
        this.entityManager = entityManager;
        this.repository = repository;
        this.mapper = mapper;
        this.principals = principals;
    }

    /** Inserts at once, on the plain path ({@link #TABLE}): an unknown user is a {@link NotFoundException}. */
    @Override
    public Session add(Session session) {
        AggregateWrites.insertRow(
                entityManager,
                session,
                TABLE,
                mapper.toEntity(session),
                e -> PersistenceErrors.violatedConstraint(e)
                        .<RuntimeException>map(constraint -> switch (constraint) {
                            case "sessions_user_fk" -> new NotFoundException("user", session.userId());
                            case "sessions_token_hash_uk", "sessions_pk" ->
                                new ConflictException("session already exists");
                            default -> e;
                        })
                        .orElse(e));
        return session;
    }

    @Override
    public Session save(Session session) {
        if (session.revokedAt() != null) {
            principals.revoked(session.tokenHash());
        }
        return mapper.toDomain(AggregateWrites.saveChanges(
                entityManager,
                session,
                SessionJpaEntity.class,
                session.id().value(),
                session.version(),
                "session",
                session.id(),
                entity -> mapper.copyChanges(session, entity),
                e -> e));
    }

    @Override
    public Optional<Session> findById(SessionId id) {
        return repository.findById(id.value()).map(mapper::toDomain);
    }

    /**
     * Through the principal cache; on a miss one statement: sessions JOIN users on the token hash's unique index. The
     * version cached is the session's plus the user's (what the invalidation triggers announce).
     */
    @Override
    public Optional<SessionPrincipal> findPrincipal(String tokenHash) {
        return principals.load(
                tokenHash,
                () -> entityManager
                        .createQuery("""
                        SELECT s, u.role, u.status, u.version FROM SessionJpaEntity s
                        JOIN UserJpaEntity u ON u.id = s.userId WHERE s.tokenHash = :tokenHash""", Object[].class)
                        .setParameter("tokenHash", tokenHash)
                        .getResultStream()
                        .findFirst()
                        .map(row -> {
                            Session session = mapper.toDomain((SessionJpaEntity) row[0]);
                            return VersionedCache.Loaded.of(
                                    new SessionPrincipal(session, (Role) row[1], (UserStatus) row[2]),
                                    session.version() + ((Number) row[3]).longValue());
                        })
                        .orElseGet(VersionedCache.Loaded::absent));
    }

    /**
     * One plain UPDATE, in whichever transaction runs it (a session-less one too, {@link PlainReads#statements}), without
     * a version check (many requests share a session and must not conflict) and without a version bump: lastSeenAt is a
     * hint, not state that concurrent writers must agree on. Plain SQL, not a query Hibernate interprets: it runs about
     * once a minute per session, and its first interpretation in a process cost about a second of CPU.
     */
    @Override
    public void markSeen(SessionId id, Instant at) {
        PlainReads.statements(entityManager).update(MARK_SEEN, statement -> {
            PlainReads.setInstant(statement, 1, at);
            statement.setObject(2, id.value());
            PlainReads.setInstant(statement, 3, at);
        });
    }

    @Override
    public List<Session> findActiveByUser(UserId userId, Instant now) {
        return repository.findActive(userId.value(), now).stream()
                .map(mapper::toDomain)
                .toList();
    }

    /** One UPDATE ... RETURNING, then one INSERT of a {@link SessionRevoked} per session it revoked. */
    @Override
    public int revokeAllExcept(UserId userId, SessionId keep, Instant now) {
        return revoke(
                REVOKE + " AND user_id = :userId AND id IS DISTINCT FROM cast(:keep AS uuid)" + REVOKED,
                now,
                query -> query.setParameter("userId", userId.value())
                        .setParameter("keep", keep == null ? null : keep.value(), UUID.class));
    }

    /** As {@link #revokeAllExcept}, for many users at once. */
    @Override
    public int revokeAllOf(Collection<UserId> userIds, Instant now) {
        return revoke(
                REVOKE + " AND user_id = ANY (cast(:userIds AS uuid[]))" + REVOKED,
                now,
                query -> query.setParameter(
                        "userIds",
                        userIds.stream().map(UserId::value).distinct().toArray(UUID[]::new),
                        UUID[].class));
    }

    /** Runs a revoking UPDATE ... RETURNING and appends the events of the sessions it revoked. */
    @SuppressWarnings("unchecked")
    private int revoke(String sql, Instant now, UnaryOperator<NativeQuery<Object[]>> bind) {
        NativeQuery<Object[]> query = entityManager
                .createNativeQuery(sql, Object[].class)
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(SessionJpaEntity.class)
                .setParameter("now", now);
        List<Object[]> revoked = bind.apply(query).getResultList();
        Map<UUID, List<DomainEvent>> events = new LinkedHashMap<>();
        for (Object[] row : revoked) {
            UUID id = (UUID) row[0];
            principals.revoked(((String) row[2]).trim());
            events.put(id, List.of(new SessionRevoked(new SessionId(id), new UserId((UUID) row[1]), now)));
        }
        AggregateWrites.appendEvents(entityManager, Session.class, events);
        return revoked.size();
    }
}
