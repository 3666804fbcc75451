package io.strata.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.micronaut.transaction.exceptions.UnexpectedRollbackException;
import io.micronaut.transaction.hibernate.HibernateTransactionManager;
import io.strata.adapters.persistence.shared.RowSecurity;
import io.strata.adapters.persistence.shared.RowSecurity.Acting;
import io.strata.application.events.EventFeedQueries;
import io.strata.bootstrap.config.JdbcTransactionInterceptor;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
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
    void theEventBacklogThatHealthAndMetricsReadOpensNoSession() {
        bean(EventFeedQueries.class).backlog(Actor.system()); // its first run, and a sink-less backlog is no news
        Observed backlog = observe(() -> bean(EventFeedQueries.class).backlog(Actor.system()));
        assertThat(backlog.sessions()).as("Hibernate sessions opened").isZero();
        assertThat(backlog.statements()).isEqualTo(1);
    }

    /**
     * A keyset page runs without a session once Hibernate has translated its shape (on a short session of its own,
     * without a connection, by the shape's first call), with the same items and cursors: one statement for a page of
     * users, a search with {@code q} too (its text bound). Pages of projects, tasks and documents too: their element
     * collections are read apart (members, dependencies: one statement for the whole page) or not shown (shares). A
     * total counts through Hibernate, so a page that asks for one opens a session; so does a shape with an array
     * parameter.
     */
    @Test
    void listPagesOverHttpOpenNoSessionOnceTheirShapeIsTranslated() throws Exception {
        String token = adminToken();
        Map<String, Object> created = null;
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            usernames.add(api().newUser(token, "jdbc-list-" + i, null).username());
            // the newest project has a column of every kind a project has (dates, a decimal, a fixed-length text, an
            // array), read by the plain page without a session too
            created = api().post("/api/v1/projects")
                    .token(token)
                    .json(Map.of(
                            "name",
                            "jdbc list " + i,
                            "startDate",
                            "2026-01-02",
                            "dueDate",
                            "2026-03-04",
                            "budget",
                            Map.of("amount", new BigDecimal("1234.50"), "currency", "EUR"),
                            "tags",
                            List.of("jdbc", "list")))
                    .send()
                    .expect(201)
                    .json();
        }
        String users = "/api/v1/users?role=eq.USER&sort=-createdAt&limit=2";
        // a new shape is translated on a short session of its own: many first calls at once are not runs that
        // needed a session (8 such in a row would send the method to Micronaut's transaction for good)
        List<Map<String, Object>> firstCalls = concurrently(12, Collections.nCopies(12, () -> page(token, users)));
        Map<String, Object> translated = page(token, users);
        assertThat(firstCalls).allSatisfy(first -> assertThat(first).isEqualTo(translated));
        Observed plain = observe(() -> page(token, users));
        assertThat(plain.result()).isEqualTo(translated);
        assertThat(plain.sessions()).as("Hibernate sessions opened").isZero();
        assertThat(plain.statements()).isEqualTo(1);

        String next = users + "&cursor=" + URLEncoder.encode(nextCursor(translated), StandardCharsets.UTF_8);
        readPlainly(token, next, 1, "the next page");
        String searched = users + "&q=" + usernames.get(1).toUpperCase(Locale.ROOT);
        assertThat(items(readPlainly(token, searched, 1, "a search: its text bound")))
                .extracting(user -> user.get("username"))
                .containsExactly(usernames.get(1));

        // projects and tasks: the page's rows plainly, the members and dependencies of all of them apart
        // (ChildRows), the entities' element collections left unread
        Map<String, Object> projectsFirst = readPlainly(
                token, "/api/v1/projects?sort=-createdAt&limit=2", 2, "the page, then its projects' members");
        assertThat(items(projectsFirst))
                .hasSize(2)
                .allSatisfy(
                        project -> assertThat((List<?>) project.get("members")).hasSize(1));
        Map<String, Object> listed = new HashMap<>(created);
        listed.remove("tasks"); // the creation answers the initial tasks too
        assertThat(items(projectsFirst).get(0)).isEqualTo(listed);

        String project = (String) items(projectsFirst).get(0).get("id");
        String first = (String) api().post("/api/v1/projects/" + project + "/tasks")
                .token(token)
                .json(Map.of("title", "jdbc first"))
                .send()
                .expect(201)
                .json()
                .get("id");
        api().post("/api/v1/projects/" + project + "/tasks")
                .token(token)
                .json(Map.of("title", "jdbc second", "dependsOn", List.of(first)))
                .send()
                .expect(201);
        Map<String, Object> tasksFirst = readPlainly(
                token,
                "/api/v1/projects/" + project + "/tasks?sort=-createdAt&limit=5",
                3,
                "the project (may the caller see it), the page, then its tasks' dependencies");
        assertThat(items(tasksFirst))
                .extracting(task -> task.get("title"), task -> task.get("dependsOn"))
                .containsExactly(tuple("jdbc second", List.of(first)), tuple("jdbc first", List.of()));

        // document summaries do not show the shares: the page alone
        api().post("/api/v1/documents")
                .token(token)
                .json(Map.of("title", "jdbc document", "kind", "TEXT", "content", Map.of("text", "x")))
                .send()
                .expect(201);
        Map<String, Object> documentsFirst =
                readPlainly(token, "/api/v1/documents?sort=-updatedAt&limit=2", 1, "the page alone");
        assertThat(items(documentsFirst))
                .extracting(document -> document.get("title"))
                .contains("jdbc document");

        // an array parameter is bound on the session's connection: that shape keeps Micronaut's transaction
        String tagged = "/api/v1/users?tags=cs.%7Bjdbc-list%7D&sort=-createdAt&limit=2";
        Map<String, Object> taggedFirst = page(token, tagged);
        Observed taggedRead = observe(() -> page(token, tagged));
        assertThat(taggedRead.result()).isEqualTo(taggedFirst);
        assertThat(taggedRead.sessions()).isEqualTo(1);
        assertThat(taggedRead.statements()).isEqualTo(1);

        Observed counted = observe(() -> page(token, users + "&count=exact"));
        assertThat(counted.sessions()).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) ((Map<String, Object>) counted.result()).get("page");
        assertThat(((Number) info.get("total")).longValue()).isGreaterThanOrEqualTo(3);
    }

    /**
     * The page at {@code path}, read twice: the first call translates its shape; the second must answer the same,
     * open no Hibernate session and cost {@code statements} statements.
     */
    private Map<String, Object> readPlainly(String token, String path, long statements, String which) {
        Map<String, Object> first = page(token, path);
        Observed again = observe(() -> page(token, path));
        assertThat(again.result()).as(path).isEqualTo(first);
        assertThat(again.sessions()).as("Hibernate sessions opened by " + path).isZero();
        assertThat(again.statements()).as(which).isEqualTo(statements);
        return first;
    }

    private Map<String, Object> page(String token, String path) {
        return api().get(path).token(token).send().expect(200).json();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    private static String nextCursor(Map<String, Object> page) {
        String cursor = (String) ((Map<String, Object>) page.get("page")).get("nextCursor");
        assertThat(cursor).isNotNull();
        return cursor;
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
        JdbcTransactionInterceptor interceptor = bean(JdbcTransactionInterceptor.class);
        long reruns = interceptor.reruns(false);
        int stopped = interceptor.methodsStoppedTrying();
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
        // the metrics' counts (strata_database_reruns_total, strata_database_session_only_methods)
        assertThat(interceptor.reruns(false)).isEqualTo(reruns + JdbcTransactionInterceptor.TRIES);
        assertThat(interceptor.methodsStoppedTrying()).isEqualTo(stopped + 1);
    }

    /**
     * Runs in a row are runs one after another: 12 that need a session at once (each first call of a use case finding
     * the same cache empty) count as one, so the method keeps trying and runs plainly once nothing needs a session.
     */
    @Test
    void aBurstOfRunsThatNeedASessionAtOnceCountsAsOne() throws Exception {
        JdbcTransactionInterceptor interceptor = bean(JdbcTransactionInterceptor.class);
        long reruns = interceptor.reruns(false);
        reads.warming.set(true);
        CountDownLatch together = new CountDownLatch(12);
        List<Optional<User>> burst =
                concurrently(12, Collections.nCopies(12, () -> reads.byIdOnceWarm(user.id(), together)));
        reads.warming.set(false);
        assertThat(burst).allSatisfy(found -> assertThat(found).isPresent());
        assertThat(interceptor.reruns(false)).isEqualTo(reruns + 12);

        Observed warm = observe(() -> reads.byIdOnceWarm(user.id(), new CountDownLatch(0)));
        assertThat(warm.sessions()).as("Hibernate sessions opened").isZero();
        assertThat(warm.runs()).isEqualTo(1);
    }

    @Test
    void aReadThatNeedsASessionAfterAStatementGoesStraightThereFromItsNextRun() {
        long expected = write(() -> reads.countWithSession());
        long reruns = bean(JdbcTransactionInterceptor.class).reruns(true);
        Observed first = observe(() -> reads.readThenCountWithSession(user.id()));
        assertThat(bean(JdbcTransactionInterceptor.class).reruns(true)).isEqualTo(reruns + 1);
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
