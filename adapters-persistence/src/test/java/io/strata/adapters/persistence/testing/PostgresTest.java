package io.strata.adapters.persistence.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.hibernate.HibernateTransactionManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Base of the database tests: a fresh, migrated database and a persistence-only context per class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PostgresTest {
    protected ApplicationContext context;
    protected String url;
    private TransactionOperations<?> transactions;

    @BeforeAll
    void startContext() {
        url = TestPostgres.createFreshDatabase();
        context = TestPostgres.start(url);
        transactions = context.getBean(HibernateTransactionManager.class);
    }

    @AfterAll
    void stopContext() {
        if (context != null) {
            context.close();
        }
    }

    protected <B> B bean(Class<B> type) {
        return context.getBean(type);
    }

    /** Runs {@code work} in a read-write transaction that commits. */
    protected <T> T tx(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    protected void txRun(Runnable work) {
        transactions.executeWrite(status -> {
            work.run();
            return null;
        });
    }

    protected <T> T readTx(Supplier<T> work) {
        return transactions.executeRead(status -> work.get());
    }

    protected Statistics statistics() {
        return context.getBean(SessionFactory.class).getStatistics();
    }

    /** Prepared JDBC statements of {@code work} (which opens its own transaction). */
    protected long statements(Runnable work) {
        Statistics statistics = statistics();
        statistics.clear();
        work.run();
        return statistics.getPrepareStatementCount();
    }

    /** The first column of every row {@code sql} returns, as text (null stays null), read outside any transaction. */
    protected List<String> query(String sql) {
        try (Connection connection = TestPostgres.connect(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected void sql(String... statements) {
        try (Connection connection = TestPostgres.connect(url);
                Statement statement = connection.createStatement()) {
            for (String s : statements) {
                statement.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
