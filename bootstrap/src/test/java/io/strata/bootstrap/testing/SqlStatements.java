package io.strata.bootstrap.testing;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * Counts the JDBC statements Hibernate prepares (queries, DML, native SQL; one per JDBC batch), to assert that a
 * use case or HTTP call costs a constant number of statements (no N+1). Backed by Hibernate's {@link Statistics}
 * ({@code hibernate.generate_statistics=true}, set by {@link IntegrationTest}).
 *
 * <p>Counts are global to the application context: nothing else may run SQL through Hibernate concurrently
 * (HTTP calls made by the test are fine: their statements are counted before the response is sent).
 * Statements issued on raw JDBC connections (Flyway, the health check) are not counted.
 */
public final class SqlStatements {

    private final Statistics statistics;

    public SqlStatements(EntityManagerFactory entityManagerFactory) {
        this.statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        if (!statistics.isStatisticsEnabled()) {
            statistics.setStatisticsEnabled(true);
        }
    }

    /** Forgets everything counted so far. */
    public void reset() {
        statistics.clear();
    }

    /** Statements prepared since the last {@link #reset()} (or since startup). */
    public long count() {
        return statistics.getPrepareStatementCount();
    }

    /** Resets, runs {@code action}, and returns the number of statements it prepared. */
    public long countDuring(Runnable action) {
        reset();
        action.run();
        return count();
    }

    /** Hibernate's statistics, for finer assertions (entity loads, collection fetches, query counts). */
    public Statistics statistics() {
        return statistics;
    }
}
