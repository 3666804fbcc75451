package io.strata.adapters.persistence.shared;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.strata.application.shared.Transactions;
import jakarta.inject.Singleton;
import java.sql.Statement;
import java.util.function.Supplier;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * {@link Transactions} with Micronaut's Hibernate transaction manager: a read-only transaction in
 * which PostgreSQL itself rejects writes ({@code SET TRANSACTION READ ONLY}), Hibernate never
 * flushes and loads entities read-only (no snapshots for dirty checking). Inside an existing
 * transaction the work joins it unchanged. The only place in the adapters that opens a transaction.
 *
 * <p>Micronaut's {@code @ReadOnly} alone marks the connection read-only only when Hibernate holds
 * one connection for the whole session ({@code DELAYED_ACQUISITION_AND_HOLD}); this class does not
 * depend on that setting.
 */
@Singleton
public class HibernateTransactions implements Transactions {
    private final TransactionOperations<Session> transactions;

    HibernateTransactions(TransactionOperations<Session> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return transactions.execute(TransactionDefinition.READ_ONLY, status -> {
            if (status.isNewTransaction()) {
                Session session = status.getConnection();
                session.setDefaultReadOnly(true);
                session.setHibernateFlushMode(FlushMode.MANUAL);
                session.doWork(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET TRANSACTION READ ONLY");
                    }
                });
            }
            return work.get();
        });
    }
}
