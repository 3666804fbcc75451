package io.strata.adapters.persistence.content;

import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.application.shared.InvariantCheck;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Content's invariant for {@code strata db verify}: a blob's {@code reference_count} is the number of file rows
 * (live or soft-deleted) that use its digest. One aggregate over {@code content_files} by digest.
 */
@Singleton
public class BlobInvariantsCheck implements InvariantCheck {
    private final EntityManager entityManager;

    BlobInvariantsCheck(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "content: blob reference counts match the files using them";
    }

    @Override
    @JoinsTransaction
    @SuppressWarnings("unchecked")
    public List<String> violations(int limit) {
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT b.sha256, b.reference_count, coalesce(f.files, 0)
                        FROM content_blobs b
                        LEFT JOIN (SELECT sha256, count(*) AS files FROM content_files GROUP BY sha256) f
                               ON f.sha256 = b.sha256
                        WHERE b.reference_count <> coalesce(f.files, 0)
                        ORDER BY b.sha256
                        LIMIT :limit""")
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> "blob " + row[0] + ": referenceCount " + row[1] + " but " + row[2] + " files")
                .toList();
    }
}
