package io.strata.adapters.persistence.shared;

import io.strata.domain.shared.query.Page;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.query.NativeQuery;

/**
 * Loads the child rows (members, dependencies, ...) of a whole page of parents in one statement,
 * {@code WHERE parent = ANY(?)} with the ids bound as one {@code uuid[]}, instead of one lazy load
 * per parent: with {@link CriteriaSearch}, a page of N aggregates costs two statements whatever N.
 *
 * <pre>{@code
 * private static final String MEMBERS_OF_PAGE = """
 *         SELECT project_id, user_id FROM project_members
 *         WHERE project_id = ANY (cast(:ids AS uuid[]))
 *         ORDER BY project_id, user_id""";
 * Map<UUID, List<UUID>> members = ChildRows.ofPage(entityManager, MEMBERS_OF_PAGE, rows, ProjectJpaEntity::getId);
 * }</pre>
 */
public final class ChildRows {
    private ChildRows() {}

    /**
     * Runs {@code sql}, which selects {@code (parent id, child id)} and binds the parent ids as
     * {@code :ids} ({@code cast(:ids AS uuid[])}); returns the children per parent, in the query's order.
     * No parents, no statement. In a read-only transaction it runs plainly ({@link PlainReads#readOnly}), so a page
     * read without a session ({@link JdbcTransaction}) stays without one.
     */
    @SuppressWarnings("unchecked")
    public static Map<UUID, List<UUID>> load(EntityManager entityManager, String sql, Collection<UUID> parents) {
        if (parents.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = parents.stream().distinct().toArray(UUID[]::new);
        Map<UUID, List<UUID>> children = new HashMap<>();
        PlainReads.ReadOnly readOnly = PlainReads.readOnly(entityManager);
        if (readOnly != null) {
            // a read-only transaction has nothing to flush first: the statement runs plainly (with or without a
            // session)
            return readOnly.query(
                    sql.replace(":ids", "?"),
                    statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids)),
                    rows -> {
                        while (rows.next()) {
                            children.computeIfAbsent(rows.getObject(1, UUID.class), k -> new ArrayList<>())
                                    .add(rows.getObject(2, UUID.class));
                        }
                        return children;
                    });
        }
        List<Object[]> rows = entityManager
                .createNativeQuery(sql, Object[].class)
                .unwrap(NativeQuery.class)
                .setParameter("ids", ids, UUID[].class)
                .getResultList();
        for (Object[] row : rows) {
            children.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((UUID) row[1]);
        }
        return children;
    }

    /** {@link #load} for the rows of a page, {@code id} giving each row's id. */
    public static <P> Map<UUID, List<UUID>> ofPage(
            EntityManager entityManager, String sql, Page<P> page, Function<? super P, UUID> id) {
        return load(entityManager, sql, page.items().stream().map(id).toList());
    }
}
