package io.strata.adapters.persistence.workspace;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Loads the child rows (members, dependencies) of a whole page of parents in one statement,
 * {@code WHERE parent = ANY(?)} with the ids bound as one {@code uuid[]}, instead of one lazy load
 * per parent.
 */
final class ChildRows {
    private ChildRows() {
    }

    /**
     * Runs {@code sql}, which selects {@code (parent id, child id)} and binds the parent ids as
     * {@code :ids} ({@code cast(:ids AS uuid[])}); returns the children per parent, in the query's order.
     */
    @SuppressWarnings("unchecked")
    static Map<UUID, List<UUID>> load(EntityManager entityManager, String sql, Collection<UUID> parents) {
        if (parents.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery(sql, Object[].class)
                .unwrap(NativeQuery.class)
                .setParameter("ids", parents.stream().distinct().toArray(UUID[]::new), UUID[].class)
                .getResultList();
        Map<UUID, List<UUID>> children = new HashMap<>();
        for (Object[] row : rows) {
            children.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((UUID) row[1]);
        }
        return children;
    }
}
