package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.LoginAttempts;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.model.Clock;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Instant;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * What a read-only transaction (Micronaut's {@code readOnly = true}, which {@code @ReadOnlyTransaction} maps to)
 * means for this adapter: the connection is marked read-only, PostgreSQL refuses writes, nothing is flushed.
 */
class ReadOnlyTransactionsTest extends PostgresTest {

    @Test
    void aReadOnlyTransactionIsReadOnlyInPostgresql() {
        UserRepository users = bean(UserRepository.class);
        assertThat(readTx(users::count)).isZero();

        LoginAttempts attempts = bean(LoginAttempts.class);
        assertThatThrownBy(() -> readTx(() -> {
                    attempts.recordFailure("ro", Instant.now());
                    return null;
                }))
                .hasStackTraceContaining("read-only transaction");

        EntityManager entityManager = bean(EntityManager.class);
        assertThat(readTx(() -> entityManager
                        .createNativeQuery("SELECT current_setting('transaction_read_only')", String.class)
                        .getSingleResult()))
                .isEqualTo("on");
        assertThat(readTx(() -> entityManager.unwrap(Session.class).doReturningWork(Connection::isReadOnly)))
                .as("the flag a replica router routes by")
                .isTrue();
        // no flush before queries (Micronaut sets JPA's COMMIT, JPA has no MANUAL), and entities load read-only, so
        // the flush at commit has nothing to write and is skipped (ReadOnlyFlushes, ReadOnlyFlushesTest)
        assertThat(readTx(() -> entityManager.unwrap(Session.class).getHibernateFlushMode()))
                .isEqualTo(FlushMode.COMMIT);
        assertThat(readTx(() -> entityManager.unwrap(Session.class).isDefaultReadOnly()))
                .isTrue();
        // the pooled connection is writable again afterwards
        txRun(() -> attempts.recordFailure("rw", Instant.now()));
        assertThat(tx(() -> entityManager.unwrap(Session.class).doReturningWork(Connection::isReadOnly)))
                .isFalse();
    }

    @Test
    void readOnlyTransactionsDoNotFlushChangedEntities() {
        UserRepository users = bean(UserRepository.class);
        User user = User.create(
                new Email("ro@example.com"), new Username("rouser"), null, null, null, null, null, Clock.system());
        txRun(() -> users.add(user));
        long statements = statements(() -> readTx(() -> {
            User loaded = users.findById(user.id()).orElseThrow();
            loaded.rename("Not", "Saved", Clock.system());
            return users.save(loaded); // copied onto a read-only entity: no UPDATE is issued
        }));
        // the read (a plain read: no entity) and the entity save loads to copy onto; no UPDATE
        assertThat(statements).isEqualTo(2);
        assertThat(readTx(() -> users.findById(user.id())).orElseThrow().firstName())
                .isNull();
    }

    @Test
    void insideAWriteTransactionItJoinsIt() {
        LoginAttempts attempts = bean(LoginAttempts.class);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        txRun(() -> readTx(() -> {
            attempts.recordFailure("joined", at);
            return null;
        }));
        assertThat(readTx(() -> attempts.failuresSince("joined", at))).isEqualTo(1);
    }

    @Test
    void repositoriesRequireATransaction() {
        UserRepository users = bean(UserRepository.class);
        assertThatThrownBy(users::count).hasMessageContaining("none is running");
    }
}
