package io.strata.adapters.persistence.shared;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Session;

/**
 * The bulk path for new aggregates: persists many entities, flushes them in JDBC batches of
 * {@link #BATCH_SIZE} rows (pgjdbc's {@code reWriteBatchedInserts} turns each batch into a few
 * multi-row {@code INSERT}s), then detaches them, so a caller that inserts batch after batch in one
 * session keeps its memory flat.
 *
 * <p>No row is read first: ids are app-assigned UUIDs and {@code persist} (unlike {@code merge}) treats
 * an unknown entity with version 0 as new, so Hibernate never selects to tell new from existing.
 * A refused row fails the flush; the caller translates the {@code PersistenceException}.
 */
public final class BulkInserts {
    /**
     * Rows per JDBC batch on this path ({@code hibernate.jdbc.batch_size}, 50, suits single-aggregate writes):
     * a multiple of the 128 rows pgjdbc puts in one rewritten {@code INSERT}, so a batch is 8 statements.
     */
    public static final int BATCH_SIZE = 1024;

    private BulkInserts() {}

    public static void persistAll(EntityManager entityManager, List<?> entities) {
        if (entities.isEmpty()) {
            return;
        }
        Session session = entityManager.unwrap(Session.class);
        Integer configured = session.getJdbcBatchSize();
        session.setJdbcBatchSize(BATCH_SIZE);
        try {
            for (Object entity : entities) {
                session.persist(entity);
            }
            session.flush();
        } finally {
            session.setJdbcBatchSize(configured);
        }
        // only what this call inserted: entities the caller loaded earlier in the session stay managed
        for (Object entity : entities) {
            session.detach(entity);
        }
    }
}
