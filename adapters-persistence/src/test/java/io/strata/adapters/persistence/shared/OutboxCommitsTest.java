package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What wakes the event relay: this process hears of a transaction that appended events right after its commit, and
 * of nothing else (a rollback, a connection given back without a commit, a transaction without events, another
 * transaction committing on the same thread), through the application's data source and PostgreSQL.
 */
class OutboxCommitsTest extends PostgresTest {
    private final AtomicInteger heard = new AtomicInteger();
    private final Runnable subscriber = heard::incrementAndGet;

    @BeforeEach
    void subscribe() {
        heard.set(0); // one instance for the class's tests
        bean(OutboxCommits.class).subscribe(subscriber);
    }

    @AfterEach
    void unsubscribe() {
        bean(OutboxCommits.class).unsubscribe(subscriber);
    }

    @Test
    void aCommitThatAppendedEventsIsHeardOnceAfterItAndATransactionWithoutEventsIsNot() {
        UserRepository users = bean(UserRepository.class);
        User user = tx(() -> {
            User added = users.add(OutboxTest.newUser("commits.heard"));
            assertThat(heard).as("before the commit").hasValue(0);
            return added;
        });
        assertThat(heard).as("after the commit").hasValue(1);

        readTx(() -> users.findById(user.id()));
        tx(() -> users.findById(user.id()));
        assertThat(heard).as("transactions that appended nothing").hasValue(1);
    }

    @Test
    void aRolledBackTransactionIsNotHeard() {
        UserRepository users = bean(UserRepository.class);
        assertThatThrownBy(() -> txRun(() -> {
                    users.add(OutboxTest.newUser("commits.rolledback"));
                    throw new IllegalStateException("fails after its events were appended");
                }))
                .hasMessage("fails after its events were appended");
        assertThat(heard).hasValue(0);

        tx(() -> users.add(OutboxTest.newUser("commits.after")));
        assertThat(heard)
                .as("the next commit on the thread, with its own events")
                .hasValue(1);
    }

    /**
     * Marked as {@link Outbox} marks: on the connection its statement ran on. Another transaction that commits on the
     * same thread meanwhile does not take the mark; a connection given back without a commit drops it.
     */
    @Test
    void onlyTheConnectionWhoseTransactionAppendedIsHeard() throws Exception {
        DataSource application = TestPostgres.applicationDataSource(context);
        assertThat(application.isWrapperFor(RowSecurityDataSource.class)).isTrue();
        try (Connection outer = application.getConnection();
                Connection inner = application.getConnection()) {
            outer.setAutoCommit(false);
            inner.setAutoCommit(false);
            mark(outer);
            try (PreparedStatement statement = inner.prepareStatement("SELECT 1")) {
                statement.execute();
            }
            inner.commit();
            assertThat(heard).as("another transaction's commit").hasValue(0);
            outer.commit();
            assertThat(heard).as("the marked transaction's commit").hasValue(1);
            outer.commit();
            assertThat(heard).as("a second commit, nothing appended since").hasValue(1);

            mark(outer);
            outer.setAutoCommit(true); // JDBC commits the open transaction
            assertThat(heard).as("a commit by going back to autocommit").hasValue(2);
            outer.setAutoCommit(false);
            mark(outer);
            outer.rollback();
            outer.commit();
            assertThat(heard).as("after a rollback").hasValue(2);
            mark(inner);
        }
        assertThat(OutboxCommits.markedOnThisThread())
                .as("marks left after the connections were given back")
                .isZero();
        assertThat(heard).as("a connection given back without its commit").hasValue(2);
    }

    private static void mark(Connection connection) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
            OutboxCommits.appended(statement.getConnection());
            statement.execute();
        }
    }
}
