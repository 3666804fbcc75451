package io.strata.adapters.persistence.content;

import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.domain.content.BlobRef;
import io.strata.domain.content.BlobReferences;
import io.strata.domain.content.Sha256;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * {@link BlobReferences} on {@code content_blobs}, in the caller's transaction. The blob's lock is a
 * transaction-scoped advisory lock on the digest: it exists before the row does (a first upload) and after it is
 * gone (the sweeper deleting bytes), which a row lock cannot cover.
 */
@Singleton
@JoinsTransaction
public class BlobReferencesPersistenceAdapter implements BlobReferences {
    /** Advisory lock keys are one 64-bit space for the whole database: this namespace keeps ours apart. */
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('content_blob:' || :sha, 0))";

    private static final String ACQUIRE = """
            INSERT INTO content_blobs (sha256, size_bytes, reference_count, zero_since)
            VALUES (:sha, :size, 1, NULL)
            ON CONFLICT (sha256) DO UPDATE
            SET reference_count = content_blobs.reference_count + 1, zero_since = NULL""";

    private static final String RELEASE = """
            UPDATE content_blobs
            SET reference_count = reference_count - 1,
                zero_since = CASE WHEN reference_count = 1 THEN cast(:now AS timestamptz) END
            WHERE sha256 = :sha AND reference_count > 0""";

    private static final String REMOVE_UNREFERENCED = """
            DELETE FROM content_blobs
            WHERE sha256 IN (SELECT sha256 FROM content_blobs
                             WHERE reference_count = 0 AND zero_since < :before
                             ORDER BY zero_since
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED)
              AND reference_count = 0
            RETURNING sha256""";

    private final EntityManager entityManager;

    BlobReferencesPersistenceAdapter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void lock(Sha256 sha256) {
        entityManager.createNativeQuery(LOCK).setParameter("sha", sha256.hex()).getSingleResult();
    }

    @Override
    public void acquire(BlobRef blob) {
        entityManager.flush(); // file rows queued before this must not be ordered after it
        entityManager
                .createNativeQuery(ACQUIRE)
                .setParameter("sha", blob.sha256().hex())
                .setParameter("size", blob.sizeBytes())
                .executeUpdate();
    }

    @Override
    public void release(Sha256 sha256, Instant now) {
        entityManager.flush(); // the purged file row first
        entityManager
                .createNativeQuery(RELEASE)
                .setParameter("sha", sha256.hex())
                .setParameter("now", now)
                .executeUpdate();
    }

    @Override
    public boolean exists(Sha256 sha256) {
        return count(sha256) >= 0;
    }

    @Override
    public long count(Sha256 sha256) {
        List<?> rows = entityManager
                .createNativeQuery("SELECT reference_count FROM content_blobs WHERE sha256 = :sha")
                .setParameter("sha", sha256.hex())
                .getResultList();
        return rows.isEmpty() ? -1 : ((Number) rows.get(0)).longValue();
    }

    @Override
    public List<Sha256> removeUnreferenced(Instant zeroBefore, int limit) {
        List<?> rows = entityManager
                .createNativeQuery(REMOVE_UNREFERENCED)
                .setParameter("before", zeroBefore)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new Sha256(row.toString())).toList();
    }
}
