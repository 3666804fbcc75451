package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.exceptions.IllegalTransactionStateException;
import io.micronaut.transaction.exceptions.UnexpectedRollbackException;
import io.micronaut.transaction.hibernate.HibernateTransactionManager;
import io.strata.adapters.persistence.identity.IdentityFixtures;
import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
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

    /**
     * {@link PropagatedStatus} finds what Micronaut's own lookups find (outside any transaction, in one, in one nested
     * in another that suspends it), and takes its fast path: should a Micronaut upgrade rename the element types,
     * this fails instead of the checks silently costing Micronaut's copy of the context again.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theStatusLookupFindsWhatMicronautFinds() {
        HibernateTransactionManager manager = bean(HibernateTransactionManager.class);
        ConnectionOperations<Session> connections = (ConnectionOperations<Session>) (ConnectionOperations<?>)
                context.getBean(io.micronaut.core.type.Argument.of(ConnectionOperations.class, Session.class));
        assertThat(PropagatedStatus.TRANSACTION.fast()).isTrue();
        assertThat(PropagatedStatus.CONNECTION.fast()).isTrue();
        List<Object[]> seen = new ArrayList<>();
        Runnable look = () -> seen.add(new Object[] {
            PropagatedStatus.TRANSACTION.find(manager, manager::findTransactionStatus),
            manager.findTransactionStatus().orElse(null),
            PropagatedStatus.CONNECTION.find(connections, connections::findConnectionStatus),
            connections.findConnectionStatus().orElse(null)
        });
        look.run();
        txRun(() -> {
            look.run();
            manager.execute(
                    io.micronaut.transaction.TransactionDefinition.of(
                            io.micronaut.transaction.TransactionDefinition.Propagation.REQUIRES_NEW),
                    status -> {
                        look.run();
                        return null;
                    });
            look.run();
        });
        assertThat(seen).hasSize(4);
        assertThat(seen.get(0)).containsOnlyNulls();
        for (Object[] found : seen.subList(1, 4)) {
            assertThat(found[0]).isNotNull().isSameAs(found[1]);
            assertThat(found[2]).isNotNull().isSameAs(found[3]);
        }
        assertThat(seen.get(2)[0]).as("the inner transaction's own status").isNotSameAs(seen.get(1)[0]);
        assertThat(seen.get(3)[0]).isSameAs(seen.get(1)[0]);
    }
}
