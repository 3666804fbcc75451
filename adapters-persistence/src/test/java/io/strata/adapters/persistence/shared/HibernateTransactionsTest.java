package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.application.shared.Transactions;
import io.strata.domain.identity.LoginAttempts;
import io.strata.domain.identity.UserRepository;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HibernateTransactionsTest extends PostgresTest {

    @Test
    void readOnlyRunsTheWorkInAReadOnlyTransaction() {
        Transactions transactions = bean(Transactions.class);
        UserRepository users = bean(UserRepository.class);
        assertThat(transactions.readOnly(users::count)).isZero();

        LoginAttempts attempts = bean(LoginAttempts.class);
        assertThatThrownBy(() -> transactions.readOnly(() -> {
            attempts.recordFailure("ro", Instant.now());
            return null;
        })).hasStackTraceContaining("read-only transaction");

        EntityManager entityManager = bean(EntityManager.class);
        assertThat(transactions.readOnly(() -> entityManager.createNativeQuery(
                "SELECT current_setting('transaction_read_only')", String.class).getSingleResult())).isEqualTo("on");
        // the pooled connection is writable again afterwards
        txRun(() -> attempts.recordFailure("rw", Instant.now()));
        assertThat(transactions.readOnly(() -> entityManager.unwrap(org.hibernate.Session.class).getHibernateFlushMode()))
                .isEqualTo(org.hibernate.FlushMode.MANUAL);
    }

    @Test
    void readOnlyTransactionsDoNotFlushChangedEntities() {
        Transactions transactions = bean(Transactions.class);
        UserRepository users = bean(UserRepository.class);
        io.strata.domain.identity.User user = io.strata.domain.identity.User.create(
                new io.strata.domain.identity.Email("ro@example.com"), new io.strata.domain.identity.Username("rouser"),
                null, null, null, null, null, io.strata.domain.shared.model.Clock.system());
        txRun(() -> users.add(user));
        long statements = statements(() -> transactions.readOnly(() -> {
            io.strata.domain.identity.User loaded = users.findById(user.id()).orElseThrow();
            loaded.rename("Not", "Saved", io.strata.domain.shared.model.Clock.system());
            return users.save(loaded);   // copied onto a read-only entity: no UPDATE is issued
        }));
        assertThat(statements).isEqualTo(1);
        assertThat(transactions.readOnly(() -> users.findById(user.id())).orElseThrow().firstName()).isNull();
    }

    @Test
    void insideAWriteTransactionItJoinsIt() {
        Transactions transactions = bean(Transactions.class);
        LoginAttempts attempts = bean(LoginAttempts.class);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        txRun(() -> transactions.readOnly(() -> {
            attempts.recordFailure("joined", at);
            return null;
        }));
        assertThat(transactions.readOnly(() -> attempts.failuresSince("joined", at))).isEqualTo(1);
    }

    @Test
    void repositoriesRequireATransaction() {
        UserRepository users = bean(UserRepository.class);
        assertThatThrownBy(users::count).hasMessageContaining("mandatory");
    }
}
