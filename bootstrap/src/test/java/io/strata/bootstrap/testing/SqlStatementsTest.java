package io.strata.bootstrap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** Proves that {@link SqlStatements} counts the statements Hibernate sends to PostgreSQL in the running application. */
class SqlStatementsTest extends IntegrationTest {

    @Test
    void countsEveryStatementAndResets() {
        SessionFactory sessionFactory = bean(EntityManagerFactory.class).unwrap(SessionFactory.class);
        sql().reset();
        assertThat(sql().count()).isZero();

        try (Session session = sessionFactory.openSession()) {
            for (int i = 0; i < 3; i++) {
                assertThat(session.createNativeQuery("SELECT 1", Integer.class).getSingleResult())
                        .isEqualTo(1);
            }
        }
        assertThat(sql().count()).isEqualTo(3);

        sql().reset();
        assertThat(sql().count()).isZero();
    }

    @Test
    void countsStatementsMadeThroughTransactionalWorkAndBatches() {
        SessionFactory sessionFactory = bean(EntityManagerFactory.class).unwrap(SessionFactory.class);
        long statements = sql().countDuring(() -> {
            try (Session session = sessionFactory.openSession()) {
                var transaction = session.beginTransaction();
                session.createNativeMutationQuery("CREATE TEMPORARY TABLE counted (id int PRIMARY KEY) ON COMMIT DROP")
                        .executeUpdate();
                session.createNativeMutationQuery("INSERT INTO counted SELECT g FROM generate_series(1, 100) g")
                        .executeUpdate();
                assertThat(session.createNativeQuery("SELECT count(*) FROM counted", Long.class)
                                .getSingleResult())
                        .isEqualTo(100L);
                transaction.commit();
            }
        });
        assertThat(statements).isEqualTo(3);
    }

    @Test
    void httpRequestsThatDoNotTouchTheDatabaseCostNothing() {
        // (GET /health is not one: its events check reads the delivery backlog with one counted plain statement)
        sql().reset();
        api().get("/api/v1/users/me").send().expect(401);
        assertThat(sql().count()).isZero();
    }
}
