package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.domain.identity.BulkUserChange;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.ProjectStatus;
import io.strata.domain.workspace.Schedule;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox's write side through the real repositories and PostgreSQL: events are committed with their change
 * or not at all, in order, numbered 1, 2, ... per aggregate with no gap or duplicate, also under concurrency.
 */
class OutboxTest extends PostgresTest {
    private static final Clock CLOCK = Clock.system();

    private UserRepository users;
    private ProjectRepository projects;

    @BeforeAll
    void beans() {
        users = bean(UserRepository.class);
        projects = bean(ProjectRepository.class);
    }

    /** A new USER named {@code name} (also for the other outbox tests of this package). */
    static User newUser(String name) {
        return User.create(
                new Email(name + "@example.com"),
                new Username(name),
                null,
                null,
                Role.USER,
                Tags.none(),
                Map.of(),
                CLOCK);
    }

    /** This transaction's id, as the events' txid column holds it. */
    private String currentTxid() {
        return bean(EntityManager.class)
                .createNativeQuery("SELECT cast(pg_current_xact_id() AS text)")
                .getSingleResult()
                .toString();
    }

    @Test
    void aCommittedChangeLeavesExactlyItsEventsInOrderNumberedOnFromTheAggregatesLast() {
        User owner = tx(() -> users.add(newUser("outbox.owner")));
        User joiner = tx(() -> users.add(newUser("outbox.joiner")));
        String[] created = new String[1];
        Project project = tx(() -> {
            Project added = projects.add(Project.create(
                    "Apollo", null, null, owner.id(), List.of(), Schedule.NONE, null, Tags.none(), CLOCK));
            created[0] = currentTxid();
            return added;
        });
        String changed = tx(() -> {
            Project locked = projects.lockById(project.id()).orElseThrow();
            locked.changeStatus(ProjectStatus.ACTIVE, CLOCK);
            locked.addMember(joiner.id(), CLOCK);
            locked.rename("Artemis", CLOCK);
            projects.save(locked);
            return currentTxid();
        });

        List<List<String>> rows = rows("SELECT sequence, event_type, payload::text, txid::text, aggregate_type, "
                + "(SELECT count(DISTINCT event_id) FROM events) = (SELECT count(*) FROM events) "
                + "FROM events WHERE aggregate_id = '" + project.id() + "' ORDER BY position");
        assertThat(rows)
                .containsExactly(
                        List.of(
                                "1",
                                "workspace.ProjectCreated",
                                "{\"name\": \"Apollo\", \"members\": [\"" + owner.id() + "\"], \"ownerId\": \""
                                        + owner.id() + "\", \"projectId\": \"" + project.id() + "\"}",
                                created[0],
                                "workspace.Project",
                                "t"),
                        List.of(
                                "2",
                                "workspace.ProjectStatusChanged",
                                "{\"to\": \"ACTIVE\", \"from\": \"PLANNING\", " + "\"projectId\": \"" + project.id()
                                        + "\"}",
                                changed,
                                "workspace.Project",
                                "t"),
                        List.of(
                                "3",
                                "workspace.ProjectMemberAdded",
                                "{\"userId\": \"" + joiner.id() + "\", \"projectId\": \"" + project.id() + "\"}",
                                changed,
                                "workspace.Project",
                                "t"));
        assertThat(rows("SELECT count(*) FROM events e JOIN projects p ON p.id = e.aggregate_id WHERE e.txid::text = '"
                        + changed + "' AND e.occurred_at > p.created_at AND e.occurred_at <= p.updated_at"))
                .as("when the change happened")
                .containsExactly(List.of("2"));
    }

    @Test
    void aChangeWithOneEventIsNumberedOnFromTheAggregatesLastAsABatchIs() {
        User owner = tx(() -> users.add(newUser("outbox.single")));
        Project project = tx(() -> projects.add(
                Project.create("Gemini", null, null, owner.id(), List.of(), Schedule.NONE, null, Tags.none(), CLOCK)));
        for (ProjectStatus status : List.of(ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD)) {
            txRun(
                    () -> { // one event each: the single-row statement, numbered on from the stored events
                        Project locked = projects.lockById(project.id()).orElseThrow();
                        locked.changeStatus(status, CLOCK);
                        projects.save(locked);
                    });
        }
        txRun(
                () -> { // two events: the batch statement goes on from there
                    Project locked = projects.lockById(project.id()).orElseThrow();
                    locked.changeStatus(ProjectStatus.ACTIVE, CLOCK);
                    locked.rename("Gemini II", CLOCK);
                    locked.changeStatus(ProjectStatus.COMPLETED, CLOCK);
                    projects.save(locked);
                });

        assertThat(rows(
                        "SELECT sequence, event_type, coalesce(payload->>'to', '-'), aggregate_type FROM events WHERE aggregate_id = '"
                                + project.id() + "' ORDER BY position"))
                .containsExactly(
                        List.of("1", "workspace.ProjectCreated", "-", "workspace.Project"),
                        List.of("2", "workspace.ProjectStatusChanged", "ACTIVE", "workspace.Project"),
                        List.of("3", "workspace.ProjectStatusChanged", "ON_HOLD", "workspace.Project"),
                        List.of("4", "workspace.ProjectStatusChanged", "ACTIVE", "workspace.Project"),
                        List.of("5", "workspace.ProjectStatusChanged", "COMPLETED", "workspace.Project"));
        assertThat(rows("SELECT count(*) FROM events e JOIN projects p ON p.id = e.aggregate_id WHERE p.id = '"
                        + project.id() + "' AND e.occurred_at >= p.created_at AND e.occurred_at <= p.updated_at"
                        + " AND e.txid IS NOT NULL AND e.payload->>'projectId' = p.id::text"))
                .as("each event's instant, transaction and payload as stored")
                .containsExactly(List.of("5"));
    }

    @Test
    void aRolledBackTransactionLeavesNoEvent() {
        User user = newUser("outbox.rolledback");
        assertThatThrownBy(() -> txRun(() -> {
                    users.add(user);
                    throw new IllegalStateException("the use case fails after storing");
                }))
                .hasMessage("the use case fails after storing");
        User kept = tx(() -> users.add(newUser("outbox.kept")));
        assertThatThrownBy(() -> txRun(() -> {
                    User loaded = users.findById(kept.id()).orElseThrow();
                    loaded.deactivate(CLOCK);
                    users.save(loaded); // its UserStatusChanged is written here ...
                    assertThat(rows("SELECT count(*) FROM events WHERE aggregate_id = '" + kept.id() + "'"))
                            .as("other transactions do not see it")
                            .containsExactly(List.of("1"));
                    throw new IllegalStateException("... and rolled back here");
                }))
                .hasMessage("... and rolled back here");

        assertThat(rows("SELECT count(*) FROM events WHERE aggregate_id = '" + user.id() + "'"))
                .containsExactly(List.of("0"));
        assertThat(rows("SELECT event_type, sequence FROM events WHERE aggregate_id = '" + kept.id() + "'"))
                .containsExactly(List.of("identity.UserRegistered", "1"));
    }

    @Test
    void anEventWithoutAStoredChangeIsRefused() {
        User user = tx(() -> users.add(newUser("outbox.nochange")));
        assertThatThrownBy(() -> txRun(() -> {
                    User loaded = users.findById(user.id()).orElseThrow();
                    loaded.delete(CLOCK); // records UserDeleted, changes no column: save has nothing to lock
                    users.save(loaded);
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without a change to store");
        assertThat(rows("SELECT count(*) FROM events WHERE aggregate_id = '" + user.id() + "'"))
                .containsExactly(List.of("1"));
    }

    /**
     * Threads change one user at once, one by one (load, toggle the status, save: the losers of a race are stale
     * and retry) and in bulk (one UPDATE that locks the row): the user's events are numbered 1..n, and each
     * status change starts where the previous one ended.
     */
    @Test
    void concurrentChangesOfOneAggregateNeverDuplicateOrSkipASequenceNumber() throws Exception {
        User user = tx(() -> users.add(newUser("outbox.contended")));
        Project project = tx(() -> projects.add(Project.create(
                "Contended", null, null, user.id(), List.of(), Schedule.NONE, null, Tags.none(), CLOCK)));
        List<UserId> joiners = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            joiners.add(tx(() -> users.add(newUser("outbox.joiner" + joiners.size())))
                    .id());
        }
        AtomicInteger stale = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        try {
                            txRun(() -> {
                                User loaded = users.findById(user.id()).orElseThrow();
                                loaded.changeStatus(loaded.isActive() ? UserStatus.INACTIVE : UserStatus.ACTIVE, CLOCK);
                                users.save(loaded);
                            });
                        } catch (StaleVersionException e) {
                            stale.incrementAndGet();
                        }
                    }
                }));
            }
            work.add(threads.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    UserStatus next = i % 2 == 0 ? UserStatus.INACTIVE : UserStatus.ACTIVE;
                    txRun(() -> users.bulkUpdate(
                            List.of(user.id()), new BulkUserChange(next, null, null, null), CLOCK.now()));
                }
            }));
            work.add(threads.submit(() -> {
                for (UserId joiner : joiners) { // the project is locked (lockById), as its use cases do
                    txRun(() -> {
                        Project locked = projects.lockById(project.id()).orElseThrow();
                        locked.addMember(joiner, CLOCK);
                        projects.save(locked);
                    });
                }
            }));
            for (Future<?> done : work) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        List<List<String>> events = rows("SELECT sequence, event_type, payload->>'from', payload->>'to' FROM events "
                + "WHERE aggregate_id = '" + user.id() + "' ORDER BY sequence");
        assertThat(events.size()).as("UserRegistered and some status changes").isGreaterThan(10);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get(0)).as("sequence of event %d", i).isEqualTo(String.valueOf(i + 1));
        }
        for (int i = 2; i < events.size(); i++) {
            assertThat(events.get(i).get(2))
                    .as("event %d starts where %d ended", i + 1, i)
                    .isEqualTo(events.get(i - 1).get(3));
        }
        assertThat(events.get(events.size() - 1).get(3))
                .as("the last event names the stored status")
                .isEqualTo(rows("SELECT status FROM users WHERE id = '" + user.id() + "'")
                        .get(0)
                        .get(0));
        assertThat(rows("SELECT string_agg(sequence::text, ',' ORDER BY sequence) FROM events WHERE aggregate_id = '"
                        + project.id() + "'"))
                .containsExactly(List.of("1,2,3,4,5,6,7,8,9,10,11,12,13"));
    }

    /**
     * A bulk update that waits for a one-user change to commit computes from, and names in its events, what that
     * change committed (its statement began before: without locking first, it would name the older status).
     */
    @Test
    void aBulkUpdateNamesTheStatusThatTheChangeItWaitedForCommitted() throws Exception {
        User user = tx(() -> users.add(newUser("outbox.waited")));
        CountDownLatch saved = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> single = threads.submit(() -> txRun(() -> {
                User loaded = users.findById(user.id()).orElseThrow();
                loaded.deactivate(CLOCK);
                users.save(loaded);
                saved.countDown();
                await(commit);
            }));
            assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Integer> bulk = threads.submit(() -> tx(() -> users.bulkUpdate(
                    List.of(user.id()), new BulkUserChange(UserStatus.ACTIVE, Role.MANAGER, null, null), CLOCK.now())));
            for (int i = 0;
                    i < 400
                            && rows("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                            + "AND wait_event_type = 'Lock'")
                                    .get(0)
                                    .get(0)
                                    .equals("0");
                    i++) {
                Thread.sleep(25);
            }
            commit.countDown();
            single.get(10, TimeUnit.SECONDS);
            assertThat(bulk.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(rows("SELECT sequence, event_type, coalesce(payload->>'from', '-'), coalesce(payload->>'to', '-') "
                        + "FROM events WHERE aggregate_id = '" + user.id() + "' ORDER BY sequence"))
                .containsExactly(
                        List.of("1", "identity.UserRegistered", "-", "-"),
                        List.of("2", "identity.UserStatusChanged", "ACTIVE", "INACTIVE"),
                        List.of("3", "identity.UserStatusChanged", "INACTIVE", "ACTIVE"),
                        List.of("4", "identity.UserRoleChanged", "USER", "MANAGER"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<List<String>> rows(String select) {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = TestPostgres.connect(url);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(select)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
