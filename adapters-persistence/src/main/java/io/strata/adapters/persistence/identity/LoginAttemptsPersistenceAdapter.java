package io.strata.adapters.persistence.identity;

import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PlainReads;
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
    // plain statements on the transaction's connection (PlainReads): a log-in's checks skip Hibernate's query engine
    private static final String RECORD = "INSERT INTO login_failures (key, failed_at) VALUES (?, ?)";
    private static final String COUNT = "SELECT count(*) FROM login_failures WHERE key = ? AND failed_at >= ?";
    private static final String OLDEST = "SELECT min(failed_at) FROM login_failures WHERE key = ? AND failed_at >= ?";
    private static final String CLEAR = "DELETE FROM login_failures WHERE key = ?";

    private final EntityManager entityManager;

    LoginAttemptsPersistenceAdapter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void recordFailure(String key, Instant at) {
        PlainReads.statements(entityManager).update(RECORD, statement -> {
            statement.setString(1, key);
            PlainReads.setInstant(statement, 2, at);
        });
    }

    @Override
    public long failuresSince(String key, Instant since) {
        return PlainReads.statements(entityManager).query(COUNT, window(key, since), rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    @Override
    public Instant oldestFailureSince(String key, Instant since) {
        return PlainReads.statements(entityManager).query(OLDEST, window(key, since), rows -> {
            rows.next();
            return PlainReads.instant(rows, 1);
        });
    }

    @Override
    public void clear(String key) {
        PlainReads.statements(entityManager).update(CLEAR, statement -> statement.setString(1, key));
    }

    private static PlainReads.Parameters window(String key, Instant since) {
        return statement -> {
            statement.setString(1, key);
            PlainReads.setInstant(statement, 2, since);
        };
    }
}
