package io.strata.bootstrap.database;

import io.strata.adapters.persistence.shared.PlainReads;
import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Read use cases of {@link JdbcReadTransactionTest}: each counts how often its body ran. */
@Singleton
@ReadOnlyTransaction
public class JdbcReadUseCases {
    final AtomicInteger runs = new AtomicInteger();
    private final UserRepository users;
    private final EntityManager entityManager;

    JdbcReadUseCases(UserRepository users, EntityManager entityManager) {
        this.users = users;
        this.entityManager = entityManager;
    }

    /** Plain reads only. */
    public Optional<User> byId(UserId id) {
        runs.incrementAndGet();
        return users.findById(id);
    }

    /** Needs the session before its first statement. */
    public long countWithSession() {
        runs.incrementAndGet();
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM users")
                        .getSingleResult())
                .longValue();
    }

    /** While set, {@link #byIdOnceWarm} needs the session before its first statement. */
    final AtomicBoolean warming = new AtomicBoolean();

    /**
     * Waits until {@code together} counts down to zero (so many runs are in flight at once), then needs the session
     * while {@link #warming} is set (a cache every first call finds empty), and reads plainly.
     */
    public Optional<User> byIdOnceWarm(UserId id, CountDownLatch together) {
        runs.incrementAndGet();
        together.countDown();
        try {
            if (!together.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the runs did not meet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (warming.get()) {
            entityManager.createNativeQuery("SELECT 1").getSingleResult();
        }
        return users.findById(id);
    }

    /** A plain read, then a statement that needs the session. */
    public long readThenCountWithSession(UserId id) {
        runs.incrementAndGet();
        users.findById(id);
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM users")
                        .getSingleResult())
                .longValue();
    }

    /** A setting of the transaction: read plainly, or by the session inside a read-write transaction. */
    public String setting(String name) {
        runs.incrementAndGet();
        PlainReads.ReadOnly plain = PlainReads.readOnly(entityManager);
        if (plain == null) {
            return (String) entityManager
                    .createNativeQuery("SELECT current_setting(?1, true)")
                    .setParameter(1, name)
                    .getSingleResult();
        }
        return plain.query(
                "SELECT current_setting(?, true)",
                statement -> statement.setString(1, name),
                rows -> rows.next() ? rows.getString(1) : null);
    }

    /** A plain read, then the use case's own failure. */
    public Optional<User> readThenFail(UserId id) {
        runs.incrementAndGet();
        users.findById(id);
        throw new IllegalStateException("the use case failed after its read");
    }

    /** A step that fails inside the adapter, caught by the use case, which carries on. */
    public Optional<User> carryOnAfterAFailedStep(UserId id) {
        runs.incrementAndGet();
        try {
            users.findById(null);
        } catch (RuntimeException swallowed) {
            // a caller that carries on after a failed step must not end its transaction as a success
        }
        return users.findById(id);
    }
}
