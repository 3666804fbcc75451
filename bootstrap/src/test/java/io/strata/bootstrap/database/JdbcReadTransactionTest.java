package io.strata.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.transaction.exceptions.UnexpectedRollbackException;
import io.micronaut.transaction.hibernate.HibernateTransactionManager;
import io.strata.adapters.persistence.shared.RowSecurity;
import io.strata.adapters.persistence.shared.RowSecurity.Acting;
import io.strata.bootstrap.config.JdbcTransactionInterceptor;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A read use case ({@code @ReadOnlyTransaction}) whose statements are all plain runs without a Hibernate session
 * ({@code JdbcTransactionInterceptor}), in a read-only transaction that acts as its caller; one that needs a session
 * runs again in Micronaut's transaction and answers the same, and its method soon goes there directly; failures end as
 * Micronaut's transactions end them; no connection is left behind. Through the application's read of a user over HTTP,
 * and through the read use cases of {@link JdbcReadUseCases}, which count how often their bodies ran.
 */
class JdbcReadTransactionTest extends IntegrationTest {
    private JdbcReadUseCases reads;
    private User user;

    @BeforeAll
    void user() {
        reads = bean(JdbcReadUseCases.class);
        UserRepository users = bean(UserRepository.class);
        user = write(() -> users.add(User.create(
                new Email("jdbc-read@example.com"),
                new Username("jdbcread"),
                null,
                null,
                null,
                null,
                null,
                Clock.system())));
    }

    @Test
    void getUserOverHttpOpensNoSession() {
        String token = adminToken();
        api().get("/api/v1/users/" + user.id().value()).token(token).send().expect(200);
        Observed read = observe(() -> api().get("/api/v1/users/" + user.id().value())
                .token(token)
                .send()
                .expect(200)
                .json()
                .get("email"));
        assertThat(read.result()).isEqualTo("jdbc-read@example.com");
        assertThat(read.sessions()).as("Hibernate sessions opened").isZero();
        assertThat(read.statements()).isEqualTo(1);
    }

    @Test
    void aPlainReadOpensNoSessionAndRunsOneStatement() {
        reads.byId(user.id()); // the method's first run
        Observed read = observe(() -> reads.byId(user.id()));
        assertThat(read.result())
                .isInstanceOfSatisfying(
                        Optional.class,
                        found -> assertThat(found.map(u -> ((User) u).id())).contains(user.id()));
        assertThat(read.sessions()).as("Hibernate sessions opened").isZero();
        assertThat(read.statements()).isEqualTo(1);
        assertThat(read.runs()).isEqualTo(1);
        assertThat(activeConnections()).isZero();
    }

    @Test
    void itIsAReadOnlyTransactionActingAsItsCaller() {
        assertThat(reads.setting("transaction_read_only")).isEqualTo("on");
        Actor actor = new Actor(user.id(), Role.USER);
        assertThat(RowSecurity.actingAs(Acting.of(actor), () -> reads.setting(RowSecurity.USER_SETTING)))
                .isEqualTo(user.id().value().toString());
        assertThat(RowSecurity.actingAs(Acting.of(actor), () -> reads.setting(RowSecurity.ROLE_SETTING)))
                .isEqualTo("USER");
        assertThat(observe(() -> reads.setting("transaction_read_only")).sessions())
                .isZero();
    }

    @Test
    void aReadThatNeedsASessionRunsAgainInOneUntilItsMethodGoesStraightThere() {
        long expected = write(() -> reads.countWithSession());
        for (int i = 0; i < JdbcTransactionInterceptor.TRIES; i++) {
            Observed tried = observe(() -> reads.countWithSession());
            assertThat(tried.result()).isEqualTo(expected);
            assertThat(tried.runs())
                    .as("the JDBC try, then the run with a session")
                    .isEqualTo(2);
            assertThat(tried.statements())
                    .as("the try stopped before its first statement")
                    .isEqualTo(1);
            assertThat(tried.sessions()).isEqualTo(1);
        }
        Observed straight = observe(() -> reads.countWithSession());
        assertThat(straight.result()).isEqualTo(expected);
        assertThat(straight.runs()).isEqualTo(1);
        assertThat(straight.statements()).isEqualTo(1);
        assertThat(activeConnections()).isZero();
    }

    @Test
    void aReadThatNeedsASessionAfterAStatementGoesStraightThereFromItsNextRun() {
        long expected = write(() -> reads.countWithSession());
        Observed first = observe(() -> reads.readThenCountWithSession(user.id()));
        assertThat(first.result()).isEqualTo(expected);
        assertThat(first.runs()).isEqualTo(2);
        assertThat(first.statements())
                .as("the try's read, then the read and the count")
                .isEqualTo(3);
        Observed next = observe(() -> reads.readThenCountWithSession(user.id()));
        assertThat(next.result()).isEqualTo(expected);
        assertThat(next.runs()).isEqualTo(1);
        assertThat(next.statements()).isEqualTo(2);
        assertThat(activeConnections()).isZero();
    }

    @Test
    void theUseCasesOwnFailureComesOutUnchangedAndItsConnectionGoesBack() {
        int before = reads.runs.get();
        sql().statistics().clear();
        assertThatThrownBy(() -> reads.readThenFail(user.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the use case failed after its read");
        assertThat(reads.runs.get() - before).as("not run again").isEqualTo(1);
        assertThat(sql().statistics().getSessionOpenCount())
                .as("it failed in the JDBC transaction")
                .isZero();
        assertThat(activeConnections()).isZero();
    }

    @Test
    void aFailedStepCannotEndInASuccessEvenIfTheUseCaseCaughtIt() {
        sql().statistics().clear();
        assertThatThrownBy(() -> reads.carryOnAfterAFailedStep(user.id()))
                .isInstanceOf(UnexpectedRollbackException.class);
        assertThat(sql().statistics().getSessionOpenCount())
                .as("it ended in the JDBC transaction")
                .isZero();
        assertThat(activeConnections()).isZero();
    }

    @Test
    void insideAnotherTransactionItJoinsThatOne() {
        Observed joined = observe(() -> write(() -> reads.setting("transaction_read_only")));
        assertThat(joined.result()).as("the caller's read-write transaction").isEqualTo("off");
        assertThat(joined.sessions()).isEqualTo(1);
        assertThat(joined.runs()).isEqualTo(1);
    }

    private <T> T write(Supplier<T> work) {
        return bean(HibernateTransactionManager.class).executeWrite(status -> work.get());
    }

    private Observed observe(Supplier<Object> work) {
        Statistics statistics = sql().statistics();
        statistics.clear();
        int runs = reads.runs.get();
        Object result = work.get();
        return new Observed(
                result,
                statistics.getSessionOpenCount(),
                statistics.getPrepareStatementCount(),
                reads.runs.get() - runs);
    }

    private int activeConnections() {
        return PooledConnections.active(bean(DataSource.class));
    }

    private record Observed(Object result, long sessions, long statements, int runs) {}
}
