package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.hibernate.HibernateTransactionManager;
import io.strata.adapters.persistence.testing.PostgresTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hibernate.HibernateException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;

/**
 * {@link CurrentSessions}: Hibernate's current session is the one of the transaction open on this thread, none
 * outside a transaction, a new one in a nested {@code REQUIRES_NEW} transaction, and each thread its own.
 */
class CurrentSessionsTest extends PostgresTest {

    @Test
    void hibernateAsksItForTheCurrentSession() {
        assertThat(bean(SessionFactory.class).getProperties().get(AvailableSettings.CURRENT_SESSION_CONTEXT_CLASS))
                .isEqualTo(CurrentSessions.Context.class.getName());
    }

    @Test
    void theCurrentSessionIsTheOneOfTheTransactionOnThisThread() {
        SessionFactory factory = bean(SessionFactory.class);
        HibernateTransactionManager transactions = bean(HibernateTransactionManager.class);
        assertThatThrownBy(factory::getCurrentSession)
                .isInstanceOf(HibernateException.class)
                .hasMessageContaining("Could not obtain transaction-synchronized Session");
        transactions.executeWrite(outer -> {
            Session session = factory.getCurrentSession();
            assertThat(session).isSameAs(outer.getConnection()).isSameAs(factory.getCurrentSession());
            assertThat(session.createNativeQuery("SELECT 1", Integer.class).getSingleResult())
                    .isEqualTo(1);
            transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), inner -> {
                assertThat(factory.getCurrentSession())
                        .isSameAs(inner.getConnection())
                        .isNotSameAs(session);
                return null;
            });
            assertThat(factory.getCurrentSession()).isSameAs(session);
            return null;
        });
        transactions.executeRead(status -> {
            assertThat(factory.getCurrentSession().isDefaultReadOnly()).isTrue();
            return null;
        });
        assertThatThrownBy(factory::getCurrentSession).isInstanceOf(HibernateException.class);
    }

    @Test
    void everyThreadSeesTheSessionOfItsOwnTransaction() throws Exception {
        SessionFactory factory = bean(SessionFactory.class);
        HibernateTransactionManager transactions = bean(HibernateTransactionManager.class);
        int threads = 4;
        CyclicBarrier together = new CyclicBarrier(threads);
        Set<Session> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> transactions.executeRead(status -> {
                    Session mine = factory.getCurrentSession();
                    seen.add(mine);
                    together.await(); // every thread is inside its transaction at once
                    return mine == status.getConnection() && factory.getCurrentSession() == mine;
                })));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
            assertThat(seen).hasSize(threads);
        } finally {
            pool.shutdownNow();
        }
    }
}
