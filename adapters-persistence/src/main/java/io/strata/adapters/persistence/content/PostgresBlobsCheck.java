package io.strata.adapters.persistence.content;

import io.micronaut.context.annotation.Requires;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.application.shared.InvariantCheck;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * With the PostgreSQL blob store, for {@code strata db verify}: every blob a row counts has its bytes, complete,
 * in the database (a digest row whose object's chunks add up to the blob's size without gap or overlap).
 */
@Singleton
@Requires(property = "strata.content.blob-store", value = "postgres")
public class PostgresBlobsCheck implements InvariantCheck {
    private final EntityManager entityManager;

    PostgresBlobsCheck(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "content: every counted blob's bytes are complete in the PostgreSQL blob store";
    }

    @Override
    @JoinsTransaction
    @SuppressWarnings("unchecked")
    public List<String> violations(int limit) {
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT b.sha256, b.size_bytes, d.size_bytes, coalesce(c.bytes, 0), coalesce(c.gaps, 0)
                        FROM content_blobs b
                        LEFT JOIN content_blob_digests d ON d.sha256 = b.sha256
                        LEFT JOIN LATERAL (
                            SELECT sum(len) AS bytes,
                                   count(*) FILTER (WHERE pos <> coalesce(prev_end, 0)) AS gaps
                            FROM (SELECT pos, octet_length(bytes) AS len,
                                         lag(pos + octet_length(bytes)) OVER (ORDER BY pos) AS prev_end
                                  FROM content_blob_chunks WHERE object_id = d.object_id) chunks) c ON true
                        WHERE d.sha256 IS NULL OR d.size_bytes <> b.size_bytes
                           OR coalesce(c.bytes, 0) <> b.size_bytes OR coalesce(c.gaps, 0) > 0
                        ORDER BY b.sha256
                        LIMIT :limit""")
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> row[2] == null
                        ? "blob " + row[0] + ": no bytes in content_blob_digests"
                        : "blob " + row[0] + ": size " + row[1] + " but " + row[3] + " bytes stored in chunks ("
                                + row[4] + " gaps or overlaps)")
                .toList();
    }
}
