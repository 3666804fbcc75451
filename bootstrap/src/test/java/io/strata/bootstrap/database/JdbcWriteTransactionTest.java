package io.strata.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.transaction.exceptions.UnexpectedRollbackException;
import io.micronaut.transaction.hibernate.HibernateTransactionManager;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.adapters.persistence.shared.RowSecurity;
import io.strata.adapters.persistence.shared.RowSecurity.Acting;
import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.config.JdbcTransactionInterceptor;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.ProjectId;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A write use case declared {@code @Rerunnable} whose statements are all plain runs without a Hibernate session
 * ({@code JdbcTransactionInterceptor}), in a read-write transaction that acts as its caller, and commits durably; one
 * that needs a session is rolled back and runs again in Micronaut's transaction, so its writes land once; failures
 * end as Micronaut's transactions end them; concurrent writers of one row still serialize on its lock; a write not
 * declared rerunnable keeps Micronaut's transaction. Through the application's task and project writes over HTTP,
 * and through the use cases of {@link JdbcWriteUseCases}; what was committed is read back from PostgreSQL.
 */
class JdbcWriteTransactionTest extends IntegrationTest {
    private JdbcWriteUseCases writes;
    private TestUser owner;
    private ProjectId project;
    private ProjectId other;

    @BeforeAll
    void projects() {
        writes = bean(JdbcWriteUseCases.class);
        owner = api().newUser(adminToken(), "jdbcwrite", null);
        project = newProject("JDBC writes");
        other = newProject("JDBC writes, the other");
    }

    private ProjectId newProject(String name) {
        return new ProjectId(UUID.fromString(api().post("/api/v1/projects")
                .token(owner.token())
                .json(Map.of("name", name))
                .send()
                .expect(201)
                .createdId()));
    }

    @BeforeEach
    void firstRuns() {
        writes.rename(project, "warm"); // each method's first run happens before what a test observes
    }

    @Test
    void taskAndProjectWritesOverHttpOpenNoSessionAndAreCommitted() {
        String path = "/api/v1/projects/" + project.value();
        String title = Api.unique("task");
        Observed added = observe(() -> api().post(path + "/tasks")
                .token(owner.token())
                .json(Map.of("title", title))
                .send()
                .expect(201)
                .createdId());
        assertThat(added.sessions()).as("Hibernate sessions opened").isZero();
        assertThat(added.statements())
                .as("the project locked with its members, the task, its event, the project's tally")
                .isEqualTo(4);
        assertThat(number("SELECT count(*) FROM tasks WHERE id = ? AND title = '" + title + "'", added.result()))
                .isOne();
        assertThat(number("SELECT count(*) FROM events WHERE aggregate_id = ?", added.result()))
                .as("the task's event")
                .isOne();

        Api.Response current = api().get(path).token(owner.token()).send().expect(200);
        long before = version();
        Observed patched = observe(() -> api().patch(path)
                .token(owner.token())
                .ifMatch(current.etag())
                .raw("{\"name\":\"patched over HTTP\"}", "application/merge-patch+json")
                .send()
                .expect(200)
                .json()
                .get("name"));
        assertThat(patched.result()).isEqualTo("patched over HTTP");
        assertThat(patched.sessions()).as("Hibernate sessions opened").isZero();
        assertThat(name()).isEqualTo("patched over HTTP");
        assertThat(version()).isEqualTo(before + 1);

        Observed stale = observe(() -> api().patch(path)
                .token(owner.token())
                .ifMatch(current.etag())
                .raw("{\"name\":\"stale\"}", "application/merge-patch+json")
                .send()
                .status());
        assertThat(stale.result()).isEqualTo(412);
        assertThat(name()).isEqualTo("patched over HTTP");
        assertThat(activeConnections()).isZero();
    }

    @Test
    void aPlainWriteCommitsOnItsOwnConnectionWithoutASession() {
        long before = version();
        Observed renamed = observe(() -> writes.rename(project, "plain"));
        assertThat(renamed.sessions()).as("Hibernate sessions opened").isZero();
        assertThat(renamed.runs()).isEqualTo(1);
        assertThat(renamed.statements())
                .as("the project locked with its members, its update (a rename records no event)")
                .isEqualTo(2);
        assertThat(name()).isEqualTo("plain");
        assertThat(version()).isEqualTo(before + 1);
        assertThat(activeConnections()).isZero();
    }

    @Test
    void itIsAReadWriteTransactionActingAsItsCaller() {
        assertThat(writes.setting("transaction_read_only")).isEqualTo("off");
        Actor actor = new Actor(new UserId(UUID.fromString(owner.id())), Role.USER);
        assertThat(RowSecurity.actingAs(Acting.of(actor), () -> writes.setting(RowSecurity.USER_SETTING)))
                .isEqualTo(owner.id());
        assertThat(observe(() -> writes.setting("transaction_read_only")).sessions())
                .isZero();
    }

    @Test
    void aWriteThatNeedsASessionIsRolledBackAndRunsAgainInOneSoItLandsOnce() {
        Logger log = (Logger) LoggerFactory.getLogger(JdbcTransactionInterceptor.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try {
            needsASessionUntilItsMethodGoesStraightThere();
        } finally {
            log.detachAppender(logged);
        }
        assertThat(logged.list)
                .as("one line when the method stops trying")
                .filteredOn(event -> event.getLevel() == Level.INFO)
                .singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage())
                        .contains("renameThenCountWithSession")
                        .contains("from now on"));
    }

    private void needsASessionUntilItsMethodGoesStraightThere() {
        for (int i = 0; i < JdbcTransactionInterceptor.TRIES; i++) {
            long before = version();
            String name = "again " + i;
            Observed tried = observe(() -> writes.renameThenCountWithSession(project, name));
            assertThat(tried.runs())
                    .as("the JDBC try, then the run with a session")
                    .isEqualTo(2);
            assertThat(tried.sessions()).isEqualTo(1);
            assertThat(name()).isEqualTo(name);
            assertThat(version()).as("the try's update was rolled back").isEqualTo(before + 1);
        }
        Observed straight = observe(() -> writes.renameThenCountWithSession(project, "straight"));
        assertThat(straight.runs())
                .as("after %d runs in a row that needed it", JdbcTransactionInterceptor.TRIES)
                .isEqualTo(1);
        assertThat(name()).isEqualTo("straight");
        assertThat(activeConnections()).isZero();
    }

    @Test
    void theUseCasesOwnFailureRollsEverythingBackAndIsNotRunAgain() {
        long before = version();
        String name = name();
        sql().statistics().clear();
        int runs = writes.runs.get();
        assertThatThrownBy(() -> writes.renameThenFail(project, "failed"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the use case failed after its write");
        assertThat(writes.runs.get() - runs).isEqualTo(1);
        assertThat(sql().statistics().getSessionOpenCount())
                .as("it failed in the JDBC transaction")
                .isZero();
        assertThat(name()).isEqualTo(name);
        assertThat(version()).isEqualTo(before);
        assertThat(activeConnections()).isZero();
    }

    @Test
    void aCheckedFailureCommitsWhatWasDoneAsMicronautsRuleHasIt() {
        long before = version();
        sql().statistics().clear();
        assertThatThrownBy(() -> writes.renameThenFailChecked(project, "checked"))
                .isInstanceOf(IOException.class);
        assertThat(sql().statistics().getSessionOpenCount()).isZero();
        assertThat(name()).isEqualTo("checked");
        assertThat(version()).isEqualTo(before + 1);
    }

    @Test
    void anUncheckedFailureItsTransactionCommitsOnCommitsWhatWasDone() {
        long before = version();
        Observed failed = observe(() -> {
            assertThatThrownBy(() -> writes.renameThenFailCommitting(project, "committed on failure"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("a failure the transaction commits on");
            return null;
        });
        assertThat(failed.sessions()).as("it ended in the JDBC transaction").isZero();
        assertThat(failed.runs()).isEqualTo(1);
        assertThat(name()).isEqualTo("committed on failure");
        assertThat(version()).isEqualTo(before + 1);
        assertThat(activeConnections()).isZero();
    }

    @Test
    void aFailedStepCannotEndInASuccessEvenIfTheUseCaseCaughtIt() {
        long before = version();
        String name = name();
        sql().statistics().clear();
        assertThatThrownBy(() -> writes.renameAfterAFailedStep(project, "after a failed step"))
                .isInstanceOf(UnexpectedRollbackException.class);
        assertThat(sql().statistics().getSessionOpenCount())
                .as("it ended in the JDBC transaction")
                .isZero();
        assertThat(name()).isEqualTo(name);
        assertThat(version()).isEqualTo(before);
        assertThat(activeConnections()).isZero();
    }

    @Test
    void aWriteNotDeclaredRerunnableRunsInMicronautsTransaction() {
        long before = version();
        Observed renamed = observe(() -> writes.renameUndeclared(project, "undeclared"));
        assertThat(renamed.sessions()).isEqualTo(1);
        assertThat(renamed.runs()).isEqualTo(1);
        assertThat(name()).isEqualTo("undeclared");
        assertThat(version()).isEqualTo(before + 1);
    }

    @Test
    void insideAnotherTransactionItJoinsThatOne() {
        Observed joined = observe(() -> write(() -> writes.setting("transaction_read_only")));
        assertThat(joined.result()).isEqualTo("off");
        assertThat(joined.sessions()).isEqualTo(1);
        assertThat(joined.runs()).isEqualTo(1);
    }

    @Test
    void concurrentWritersOfOneRowSerializeOnItsLockAndAllLand() throws Exception {
        int writers = 12;
        long before = version();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "writer " + i;
                done.add(pool.submit(() -> {
                    start.await();
                    return writes.rename(project, name);
                }));
            }
            start.countDown();
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(version()).as("every writer's update, one after another").isEqualTo(before + writers);
        assertThat(activeConnections()).isZero();
    }

    @Test
    void aRerunnableWriteWhoseTransactionDeadlockedRunsAgainSoBothWritersLand() throws Exception {
        Crossed crossed = crossRenames(writes::renameBoth);

        assertBothLandedAfterOneRerun(crossed);
        assertThat(crossed.runs())
                .as("PostgreSQL aborted one of the two, which ran again")
                .isEqualTo(3);
    }

    @Test
    void soDoesOneInMicronautsTransaction() throws Exception {
        assertBothLandedAfterOneRerun(crossRenames(writes::renameBothInASession));
    }

    private void assertBothLandedAfterOneRerun(Crossed crossed) {
        assertThat(crossed.failures()).as("both writers answered").isEmpty();
        assertThat(crossed.reruns()).isEqualTo(1);
        assertThat(crossed.updates())
                .as("both writers' updates of each project landed")
                .containsExactly(2L, 2L);
        assertThat(activeConnections()).isZero();
    }

    @Test
    void aWriteNotDeclaredRerunnableWhoseTransactionDeadlockedFailsAsAConflictAndRunsOnce() throws Exception {
        Crossed crossed = crossRenames(writes::renameBothUndeclared);

        assertThat(crossed.failures()).hasSize(1);
        assertThat(PersistenceErrors.isLockConflict(crossed.failures().get(0)))
                .as(
                        "the failure is PostgreSQL's deadlock: %s",
                        crossed.failures().get(0))
                .isTrue();
        assertThat(crossed.runs()).isEqualTo(2);
        assertThat(crossed.reruns()).isZero();
        assertThat(crossed.updates())
                .as("only the winner's update of each project landed")
                .containsExactly(1L, 1L);
    }

    /** A use case renaming two projects, in the order given. */
    private interface RenameBoth {
        void rename(ProjectId first, ProjectId second, String name, JdbcWriteUseCases.Meeting meeting);
    }

    /**
     * What two crossed writers did: what they threw, how often the use case's body ran, how often the platform ran
     * it again over a lock conflict, and the committed updates of each project (its version's increase).
     */
    private record Crossed(List<Throwable> failures, int runs, long reruns, List<Long> updates) {}

    /**
     * Two threads rename both projects at once, the other way round, each holding its first lock while it waits for
     * the other: a deadlock PostgreSQL breaks by aborting one of the two transactions.
     */
    private Crossed crossRenames(RenameBoth renameBoth) throws InterruptedException {
        JdbcTransactionInterceptor interceptor = bean(JdbcTransactionInterceptor.class);
        long reruns = interceptor.lockConflictReruns();
        int runs = writes.runs.get();
        long projectVersion = version(project);
        long otherVersion = version(other);
        JdbcWriteUseCases.Meeting meeting = new JdbcWriteUseCases.Meeting(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Throwable> failures = new ArrayList<>();
        try {
            List<Future<?>> done = List.of(
                    pool.submit(() -> renameBoth.rename(project, other, "one way", meeting)),
                    pool.submit(() -> renameBoth.rename(other, project, "the other way", meeting)));
            for (Future<?> each : done) {
                try {
                    each.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("a writer did not finish", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Crossed(
                failures,
                writes.runs.get() - runs,
                interceptor.lockConflictReruns() - reruns,
                List.of(version(project) - projectVersion, version(other) - otherVersion));
    }

    private <T> T write(Supplier<T> work) {
        return bean(HibernateTransactionManager.class).executeWrite(status -> work.get());
    }

    private Observed observe(Supplier<Object> work) {
        Statistics statistics = sql().statistics();
        statistics.clear();
        int runs = writes.runs.get();
        Object result = work.get();
        return new Observed(
                result,
                statistics.getSessionOpenCount(),
                statistics.getPrepareStatementCount(),
                writes.runs.get() - runs);
    }

    private long version() {
        return version(project);
    }

    private long version(ProjectId id) {
        return number("SELECT version FROM projects WHERE id = ?", id.value());
    }

    private String name() {
        return (String) committed("SELECT name FROM projects WHERE id = ?", project.value());
    }

    private long number(String sql, Object id) {
        return ((Number) committed(sql, id)).longValue();
    }

    /** The first column of the first row, read by the database's owner on a connection of its own. */
    private Object committed(String sql, Object id) {
        try (Connection connection =
                        DriverManager.getConnection(jdbcUrl(), TestPostgres.USERNAME, TestPostgres.PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id instanceof String text ? UUID.fromString(text) : id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int activeConnections() {
        return PooledConnections.active(bean(DataSource.class));
    }

    private record Observed(Object result, long sessions, long statements, int runs) {}
}
