package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.transaction.exceptions.IllegalTransactionStateException;
import io.micronaut.transaction.exceptions.UnexpectedRollbackException;
import io.strata.adapters.persistence.identity.IdentityFixtures;
import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link JoinsTransaction}, on the real adapters: the semantics of Micronaut's {@code MANDATORY} that adapters had
 * before, kept by a cheaper advice. No transaction, no work; a failed step poisons the caller's transaction.
 */
class JoinsTransactionTest extends PostgresTest {

    @Test
    void anAdapterCalledWithoutATransactionFailsBeforeTouchingTheDatabase() {
        UserRepository users = bean(UserRepository.class);
        assertThatThrownBy(users::count)
                .isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageContaining("UserPersistenceAdapter.count")
                .hasMessageContaining("none is running");
        User user = IdentityFixtures.activeUser("alone@example.com", "alone", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(statements(() ->
                        assertThatThrownBy(() -> users.add(user)).isInstanceOf(IllegalTransactionStateException.class)))
                .as("nothing reaches PostgreSQL")
                .isZero();
        assertThat(readTx(users::count)).isZero();
    }

    @Test
    void aStepThatFailedCannotBeCommittedByACallerThatCaughtItsException() {
        UserRepository users = bean(UserRepository.class);
        UserCredentials credentials = bean(UserCredentials.class);
        User user = IdentityFixtures.activeUser("half@example.com", "half", Instant.parse("2026-01-01T00:00:00Z"));
        assertThatThrownBy(() -> txRun(() -> {
                    users.add(user);
                    try {
                        credentials.store(UserId.newId(), credentials.hash(Password.attempt("x")));
                    } catch (NotFoundException swallowed) {
                        // a caller that carries on after a failed step must not commit what came before it
                    }
                }))
                .isInstanceOf(UnexpectedRollbackException.class);
        assertThat(readTx(() -> users.findById(user.id()))).isEmpty();
    }

    @Test
    void methodsOutsideTheAnnotationNeedNoTransaction() {
        UserCredentials credentials = bean(UserCredentials.class);
        assertThat(credentials.hash(Password.attempt("no transaction needed"))).isNotNull();
        assertThatThrownBy(() -> credentials.load(UserId.newId()))
                .isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageContaining("Argon2UserCredentials.load");
    }

    @Test
    void aReadOnlyTransactionIsJoinedToo() {
        UserRepository users = bean(UserRepository.class);
        User user = tx(() -> users.add(
                IdentityFixtures.activeUser("joined@example.com", "joined", Instant.parse("2026-01-01T00:00:00Z"))));
        assertThat(readTx(() -> users.findById(user.id()))).isPresent();
    }
}
