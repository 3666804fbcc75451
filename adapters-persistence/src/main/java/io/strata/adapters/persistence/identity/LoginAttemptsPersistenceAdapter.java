package io.strata.adapters.persistence.identity;

import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.domain.identity.LoginAttempts;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * {@link LoginAttempts} in {@code login_failures}: one row per failure, counted in a window with the
 * {@code (key, failed_at)} index. Runs in the caller's transaction.
 */
@Singleton
@JoinsTransaction
public class LoginAttemptsPersistenceAdapter implements LoginAttempts {
    private final EntityManager entityManager;

    LoginAttemptsPersistenceAdapter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void recordFailure(String key, Instant at) {
        entityManager
                .createNativeQuery("INSERT INTO login_failures (key, failed_at) VALUES (:key, :at)")
                .setParameter("key", key)
                .setParameter("at", at)
                .executeUpdate();
    }

    @Override
    public long failuresSince(String key, Instant since) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "SELECT count(*) FROM login_failures WHERE key = :key AND failed_at >= :since",
                                Long.class)
                        .setParameter("key", key)
                        .setParameter("since", since)
                        .getSingleResult())
                .longValue();
    }

    @Override
    public Instant oldestFailureSince(String key, Instant since) {
        return (Instant) entityManager
                .createNativeQuery(
                        "SELECT min(failed_at) FROM login_failures WHERE key = :key AND failed_at >= :since",
                        Instant.class)
                .setParameter("key", key)
                .setParameter("since", since)
                .getSingleResult();
    }

    @Override
    public void clear(String key) {
        entityManager
                .createNativeQuery("DELETE FROM login_failures WHERE key = :key")
                .setParameter("key", key)
                .executeUpdate();
    }
}
