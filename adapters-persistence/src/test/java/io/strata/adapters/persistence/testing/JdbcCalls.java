package io.strata.adapters.persistence.testing;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.SessionEventListener;

/**
 * Counts what one Hibernate session sends over JDBC: statement executions and batch executions (one round trip
 * each, whatever the number of rows in the batch). Hibernate's statistics count only prepares, and a batched
 * statement is prepared once per flush however many batches it takes. Attach inside the transaction to measure.
 */
public final class JdbcCalls implements SessionEventListener {
    private int statements;
    private int batches;

    /** Counts the calls of the session bound to the current transaction from now on. */
    public static JdbcCalls attach(EntityManager entityManager) {
        JdbcCalls calls = new JdbcCalls();
        entityManager.unwrap(Session.class).addEventListeners(calls);
        return calls;
    }

    @Override
    public void jdbcExecuteStatementStart() {
        statements++;
    }

    @Override
    public void jdbcExecuteBatchStart() {
        batches++;
    }

    /** Single statements executed (queries, single-row DML). */
    public int statements() {
        return statements;
    }

    /** JDBC batches executed. */
    public int batches() {
        return batches;
    }
}
