package io.strata.adapters.persistence.workspace;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.WorkspaceUsers;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;

/**
 * {@link WorkspaceUsers} on the {@code users} table: one statement each, reading ids only. SQL rather than the
 * identity context's entity, so workspace code depends on identity through {@link UserId} alone.
 */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
public class WorkspaceUsersPersistenceAdapter implements WorkspaceUsers {
    private final EntityManager entityManager;

    WorkspaceUsersPersistenceAdapter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<UserId> existing(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<UUID> found = entityManager
                .createNativeQuery("SELECT id FROM users WHERE id = ANY (cast(:ids AS uuid[]))", UUID.class)
                .unwrap(NativeQuery.class)
                .setParameter("ids", ids.stream().map(UserId::value).distinct().toArray(UUID[]::new), UUID[].class)
                .getResultList();
        return found.stream().map(UserId::new).collect(Collectors.toUnmodifiableSet());
    }

    /** One backward scan of {@code users_created_at_id_ix}. */
    @Override
    @SuppressWarnings("unchecked")
    public List<UserId> sample(int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<UUID> found = entityManager
                .createNativeQuery("""
                        SELECT id FROM users WHERE status = 'ACTIVE'
                        ORDER BY created_at DESC, id DESC LIMIT :limit""", UUID.class)
                .setParameter("limit", limit)
                .getResultList();
        return found.stream().map(UserId::new).toList();
    }
}
