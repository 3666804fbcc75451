package io.strata.adapters.persistence.shared;

import io.strata.application.shared.idempotency.IdempotencyStore;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link IdempotencyStore} in {@code idempotency_keys}. A claim is one
 * {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE expired or abandoned} (new keys, expired records
 * and in-progress claims older than the lease are claimed; live ones are left alone), then a read of
 * the live record when the insert did nothing.
 *
 * <p>Like every adapter, it runs in its caller's transaction and opens none ({@link JoinsTransaction}): the
 * idempotency use cases ({@code application.shared.idempotency}) each run one short transaction, so a
 * claim is committed before the request it guards runs.
 */
@Singleton
@JoinsTransaction
public class IdempotencyPersistenceAdapter implements IdempotencyStore {
    private static final String COMPLETED = "COMPLETED";

    private final EntityManager entityManager;

    IdempotencyPersistenceAdapter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<IdempotencyRecord> claim(
            String scope, String key, String requestHash, Instant now, Instant expiresAt) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int claimed = entityManager
                    .createNativeQuery("""
                            INSERT INTO idempotency_keys (scope, key, request_hash, status, created_at, expires_at)
                            VALUES (:scope, :key, :requestHash, 'IN_PROGRESS', :now, :expiresAt)
                            ON CONFLICT (scope, key) DO UPDATE
                               SET request_hash = EXCLUDED.request_hash, status = 'IN_PROGRESS',
                                   response_status = NULL, response_content_type = NULL, response_body = NULL,
                                   response_headers = NULL, created_at = EXCLUDED.created_at, completed_at = NULL,
                                   expires_at = EXCLUDED.expires_at
                             WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
                                OR (idempotency_keys.status = 'IN_PROGRESS' AND idempotency_keys.created_at <= :staleBefore)""")
                    .setParameter("scope", scope)
                    .setParameter("key", key)
                    .setParameter("requestHash", requestHash)
                    .setParameter("now", now)
                    .setParameter("expiresAt", expiresAt)
                    .setParameter("staleBefore", now.minus(IN_PROGRESS_LEASE))
                    .executeUpdate();
            if (claimed == 1) {
                return Optional.empty();
            }
            Optional<IdempotencyRecord> existing = find(scope, key);
            if (existing.isPresent()) {
                return existing;
            }
            // released or purged between the insert and the read: claim again
        }
        throw new IllegalStateException("cannot claim idempotency key " + key + ": it keeps changing");
    }

    @Override
    public void complete(String scope, String key, int status, String contentType, byte[] body, String headersJson) {
        entityManager
                .createNativeQuery("""
                        UPDATE idempotency_keys
                        SET status = 'COMPLETED', response_status = :status, response_content_type = :contentType,
                            response_body = :body, response_headers = cast(:headers AS jsonb),
                            completed_at = statement_timestamp()
                        WHERE scope = :scope AND key = :key AND status = 'IN_PROGRESS'""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("status", status)
                .setParameter("contentType", contentType, String.class)
                .setParameter("body", body, byte[].class)
                .setParameter("headers", headersJson, String.class)
                .setParameter("scope", scope)
                .setParameter("key", key)
                .executeUpdate();
    }

    @Override
    public void release(String scope, String key) {
        entityManager
                .createNativeQuery(
                        "DELETE FROM idempotency_keys WHERE scope = :scope AND key = :key AND status = 'IN_PROGRESS'")
                .setParameter("scope", scope)
                .setParameter("key", key)
                .executeUpdate();
    }

    @Override
    public int purgeExpired(Instant now) {
        return entityManager
                .createNativeQuery("DELETE FROM idempotency_keys WHERE expires_at <= :now")
                .setParameter("now", now)
                .executeUpdate();
    }

    private Optional<IdempotencyRecord> find(String scope, String key) {
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT request_hash, status, response_status, response_content_type, response_body,
                               cast(response_headers AS text)
                        FROM idempotency_keys WHERE scope = :scope AND key = :key""", Object[].class)
                .setParameter("scope", scope)
                .setParameter("key", key)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new IdempotencyRecord(
                        (String) row[0],
                        COMPLETED.equals(row[1]),
                        row[2] == null ? 0 : ((Number) row[2]).intValue(),
                        (String) row[3],
                        (byte[]) row[4],
                        (String) row[5]));
    }
}
