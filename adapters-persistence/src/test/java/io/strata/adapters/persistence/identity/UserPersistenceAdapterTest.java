package io.strata.adapters.persistence.identity;

import static io.strata.adapters.persistence.identity.IdentityFixtures.T0;
import static io.strata.adapters.persistence.identity.IdentityJpaMappersTest.assertSameState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.hibernate.HibernateTransactionManager;
import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.BulkUserChange;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.EmailVerification;
import io.strata.domain.identity.LoginHistory;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.identity.TagCount;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserProfileRepository;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserStatistics;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.identity.UserWithProfile;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.DomainException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserPersistenceAdapterTest extends PostgresTest {
    private UserRepository users;
    private UserProfileRepository profiles;
    private SessionRepository sessions;

    @BeforeAll
    void beans() {
        users = bean(UserRepository.class);
        profiles = bean(UserProfileRepository.class);
        sessions = bean(SessionRepository.class);
    }

    @BeforeEach
    void clean() {
        sql("DELETE FROM projects", "DELETE FROM users");
    }

    @Test
    void addThenFindReturnsTheSameUserFieldByField() {
        User user = IdentityFixtures.fullUser("ada.l", 0);
        User added = tx(() -> users.add(user));
        assertThat(added).isSameAs(user);

        User found = readTx(() -> users.findById(user.id())).orElseThrow();
        assertSameState(found, user);
        // a read-write transaction loads the managed entity instead (it may save it): the same user
        assertSameState(tx(() -> users.findById(user.id())).orElseThrow(), user);
        assertThat(found.preferences())
                .containsEntry("nothing", null)
                .containsEntry(
                        "notifications", IdentityFixtures.richPreferences().get("notifications"));
        assertSameState(
                readTx(() -> users.findByEmail(new Email("ADA.L@Example.com"))).orElseThrow(), user);
        assertThat(readTx(() -> users.existsByEmail(new Email("ada.l@example.com"))))
                .isTrue();
        assertThat(readTx(() -> users.existsByEmail(new Email("bob@example.com"))))
                .isFalse();
        assertThat(readTx(() -> users.existsByUsername(new Username("ada.l")))).isTrue();
        assertThat(readTx(() -> users.existsByUsername(new Username("ada.m")))).isFalse();
        assertThat(readTx(() -> users.findById(UserId.newId()))).isEmpty();
        assertThat(readTx(users::count)).isEqualTo(1);

        User bare = tx(() -> users.add(IdentityFixtures.bareUser("bare")));
        assertSameState(readTx(() -> users.findById(bare.id())).orElseThrow(), bare);
        assertSameState(tx(() -> users.findById(bare.id())).orElseThrow(), bare);
    }

    @Test
    void newUserHasAnUnusablePasswordUntilCredentialsAreStored() {
        User user = tx(() -> users.add(IdentityFixtures.bareUser("nopass")));
        assertThat(column("password_hash", user.id())).isEqualTo(UserJpaEntity.NO_PASSWORD);
    }

    @Test
    void takenEmailIsAConflictWhateverTheCase() {
        txRun(() -> users.add(IdentityFixtures.bareUser("first")));
        User sameEmail = IdentityFixtures.activeUser("FIRST@EXAMPLE.COM", "second", T0);
        assertThatThrownBy(() -> tx(() -> users.add(sameEmail)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("email already registered");
        assertThat(readTx(users::count)).isEqualTo(1);
    }

    @Test
    void takenUsernameIsAConflict() {
        txRun(() -> users.add(IdentityFixtures.bareUser("taken")));
        User sameName = IdentityFixtures.activeUser("other@example.com", "taken", T0);
        assertThatThrownBy(() -> tx(() -> users.add(sameName)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("username already taken");
    }

    @Test
    void saveWritesChangesAndReturnsTheNewVersion() {
        User user = tx(() -> users.add(IdentityFixtures.fullUser("grace", 0)));
        User saved = tx(() -> {
            User loaded = users.findById(user.id()).orElseThrow();
            loaded.rename("Grace", "Hopper", () -> T0.plusSeconds(9000));
            loaded.retag(Tags.of(Set.of("cobol", "navy")), () -> T0.plusSeconds(9000));
            loaded.changePreferences(
                    Map.of("theme", "light", "deep", Map.of("a", List.of(1, 2))), () -> T0.plusSeconds(9000));
            return users.save(loaded);
        });
        assertThat(saved.version()).isEqualTo(1);
        User reloaded = readTx(() -> users.findById(user.id())).orElseThrow();
        assertSameState(reloaded, saved);
        assertThat(reloaded.fullName()).isEqualTo("Grace Hopper");
        assertThat(reloaded.tags().values()).containsExactly("cobol", "navy");
        assertThat(reloaded.preferences()).isEqualTo(Map.of("theme", "light", "deep", Map.of("a", List.of(1, 2))));
        assertThat(column("search_text", user.id())).isEqualTo("grace grace@example.com grace hopper");
    }

    @Test
    void saveWithoutChangesKeepsTheVersionAndIssuesNoUpdate() {
        User user = tx(() -> users.add(IdentityFixtures.fullUser("still", 0)));
        long updates = statements(
                () -> txRun(() -> users.save(users.findById(user.id()).orElseThrow())));
        assertThat(updates).as("one SELECT, no UPDATE").isEqualTo(1);
        assertThat(readTx(() -> users.findById(user.id())).orElseThrow().version())
                .isZero();
    }

    @Test
    void saveIsOneUpdateWithAVersionCheck() {
        User user = tx(() -> users.add(IdentityFixtures.bareUser("onestmt")));
        long count = statements(() -> txRun(() -> {
            User loaded = users.findById(user.id()).orElseThrow();
            loaded.activate(() -> T0.plusSeconds(1));
            users.save(loaded);
        }));
        assertThat(count)
                .as("SELECT + UPDATE + INSERT of its UserStatusChanged")
                .isEqualTo(3);
        assertThat(bean(org.hibernate.SessionFactory.class).getStatistics().getEntityUpdateCount())
                .isEqualTo(1);
    }

    @Test
    void concurrentSaveCommittedFirstMakesTheOtherStale() {
        User user = tx(() -> users.add(IdentityFixtures.bareUser("racer")));
        HibernateTransactionManager manager = bean(HibernateTransactionManager.class);
        assertThatThrownBy(() -> txRun(() -> {
                    User mine = users.findById(user.id()).orElseThrow(); // loaded at version 0 in transaction A
                    manager.execute(
                            TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
                                User theirs =
                                        users.findById(user.id()).orElseThrow(); // transaction B commits version 1
                                theirs.changeRole(Role.MANAGER, () -> T0.plusSeconds(1));
                                return users.save(theirs);
                            });
                    mine.rename("Late", "Writer", () -> T0.plusSeconds(2));
                    users.save(mine); // UPDATE ... WHERE version = 0 -> 0 rows
                }))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.currentVersion()).isEqualTo(1);
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.STALE_VERSION);
                });
        User stored = readTx(() -> users.findById(user.id())).orElseThrow();
        assertThat(stored.role()).isEqualTo(Role.MANAGER);
        assertThat(stored.firstName()).isNull();
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void savingAnOldCopyInALaterTransactionIsStale() {
        User user = tx(() -> users.add(IdentityFixtures.bareUser("oldcopy")));
        User old = readTx(() -> users.findById(user.id())).orElseThrow();
        txRun(() -> {
            User fresh = users.findById(user.id()).orElseThrow();
            fresh.activate(() -> T0.plusSeconds(1));
            users.save(fresh);
        });
        old.rename("Too", "Late", () -> T0.plusSeconds(2));
        assertThatThrownBy(() -> tx(() -> users.save(old)))
                .isInstanceOfSatisfying(
                        StaleVersionException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(1));
    }

    @Test
    void saveOfAnUnknownUserIsNotFound() {
        assertThatThrownBy(() -> tx(() -> users.save(IdentityFixtures.bareUser("ghost"))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void changingTheEmailToATakenOneIsAConflictOnSave() {
        txRun(() -> users.add(IdentityFixtures.bareUser("holder")));
        User other = tx(() -> users.add(IdentityFixtures.bareUser("mover")));
        User moving = User.reconstitute(
                other.id(),
                new Email("holder@example.com"),
                other.username(),
                null,
                null,
                other.role(),
                other.status(),
                EmailVerification.NOT_VERIFIED,
                null,
                LoginHistory.NONE,
                Tags.none(),
                Map.of(),
                new AuditStamp(0, other.createdAt(), other.updatedAt()));
        assertThatThrownBy(() -> tx(() -> users.save(moving)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("email already registered");
    }

    @Test
    void deleteCascadesToProfileAndSessions() {
        User user = tx(() -> users.add(IdentityFixtures.bareUser("leaver")));
        User stays = tx(() -> users.add(IdentityFixtures.bareUser("stayer")));
        txRun(() -> {
            profiles.add(IdentityFixtures.profile(user.id()));
            sessions.add(IdentityFixtures.session(user.id(), T0, T0.plus(Duration.ofDays(1))));
            sessions.add(IdentityFixtures.session(user.id(), T0, T0.plus(Duration.ofDays(1))));
            profiles.add(IdentityFixtures.profile(stays.id()));
            sessions.add(IdentityFixtures.session(stays.id(), T0, T0.plus(Duration.ofDays(1))));
        });
        txRun(() -> IdentityFixtures.delete(users, user.id()));
        assertThat(readTx(() -> users.findById(user.id()))).isEmpty();
        assertThat(readTx(() -> profiles.findByUserId(user.id()))).isEmpty();
        assertThat(count("sessions", user.id())).isZero();
        assertThat(count("user_profiles", stays.id())).isEqualTo(1);
        assertThat(count("sessions", stays.id())).isEqualTo(1);
        txRun(() -> users.delete(user)); // deleting again is a no-op
    }

    /**
     * The adapter knows no workspace table: a key of another context that refuses the delete (here
     * {@code projects_owner_fk}, ON DELETE RESTRICT) is a conflict by its SQLSTATE. The use case asks
     * first and names what blocks (IdentityUseCasesTest).
     */
    @Test
    void deletingAUserWhoOwnsProjectsIsAConflictThatChangesNothing() {
        User owner = tx(() -> users.add(IdentityFixtures.bareUser("owner1")));
        User member = tx(() -> users.add(IdentityFixtures.bareUser("member1")));
        ProjectRepository projects = bean(ProjectRepository.class);
        List<Project> owned = tx(() -> List.of(
                projects.add(Project.create(
                        "One",
                        null,
                        null,
                        owner.id(),
                        List.of(member.id()),
                        Schedule.NONE,
                        null,
                        Tags.none(),
                        () -> T0)),
                projects.add(Project.create(
                        "Two", null, null, owner.id(), List.of(), Schedule.NONE, null, Tags.none(), () -> T0))));

        assertThatThrownBy(() -> txRun(() -> IdentityFixtures.delete(users, owner.id())))
                .isInstanceOf(ConflictException.class)
                .hasMessage("user " + owner.id() + " is still referred to by other records; remove or transfer "
                        + "them first");
        assertThat(readTx(() -> users.findById(owner.id()))).isPresent();
        assertThat(readTx(() -> projects.countOwnedBy(owner.id()))).isEqualTo(2);

        // a member who owns nothing goes, and leaves the projects (ON DELETE CASCADE)
        txRun(() -> IdentityFixtures.delete(users, member.id()));
        assertThat(readTx(() -> projects.findById(owned.get(0).id()))
                        .orElseThrow()
                        .members())
                .containsExactly(owner.id());
    }

    @Test
    void aProjectCreatedWhileTheOwnerIsBeingDeletedIsStillAConflict() throws Exception {
        User owner = tx(() -> users.add(IdentityFixtures.bareUser("racing")));
        ProjectRepository projects = bean(ProjectRepository.class);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch added = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
            // transaction B inserts a project (not yet committed: the owner count of A cannot see it) ...
            var creating = threads.submit(() -> txRun(() -> {
                projects.add(Project.create(
                        "Late", null, null, owner.id(), List.of(), Schedule.NONE, null, Tags.none(), () -> T0));
                added.countDown();
                awaitQuietly(commit);
            }));
            assertThat(added.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // ... A's DELETE (its use case counted no project: B's is not committed) waits for B's key-share lock ...
            var deleting = threads.submit(() -> txRun(() -> IdentityFixtures.delete(users, owner.id())));
            for (int i = 0; i < 200 && !waitingForALock(); i++) {
                Thread.sleep(25);
            }
            commit.countDown();
            creating.get(10, java.util.concurrent.TimeUnit.SECONDS);
            // ... and after B commits, the foreign key refuses the delete
            assertThatThrownBy(() -> deleting.get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ConflictException.class)
                    .hasMessageContaining("is still referred to by other records");
        } finally {
            threads.shutdownNow();
        }
        assertThat(readTx(() -> users.findById(owner.id()))).isPresent();
    }

    @Test
    void recordLoginCountsAtomicallyAndMovesTheVersion() {
        User user = tx(() -> users.add(IdentityFixtures.bareUser("loginer")));
        Instant first = T0.plus(Duration.ofHours(1));
        User once = tx(() -> users.recordLogin(user.id(), first));
        assertThat(once.loginCount()).isEqualTo(1);
        assertThat(once.lastLoginAt()).isEqualTo(first);
        assertThat(once.updatedAt()).isEqualTo(first);
        assertThat(once.version()).isEqualTo(1);

        // the user was loaded earlier in the same transaction: the result reflects the update
        Instant second = first.plusSeconds(60);
        long count = statements(() -> {
            User twice = tx(() -> {
                User loaded = users.findById(user.id()).orElseThrow();
                assertThat(loaded.loginCount()).isEqualTo(1);
                return users.recordLogin(user.id(), second);
            });
            assertThat(twice.loginCount()).isEqualTo(2);
            assertThat(twice.lastLoginAt()).isEqualTo(second);
            assertThat(twice.version()).isEqualTo(2);
        });
        assertThat(count).as("SELECT, UPDATE RETURNING the row").isEqualTo(2);

        // the session's copy of the row, loaded before the plain UPDATE, is dropped: a save of the user the login
        // returned, later in the same transaction, compares with the row's new version (not the copy's)
        User renamed = tx(() -> {
            users.findById(user.id()).orElseThrow();
            User logged = users.recordLogin(user.id(), second.plusSeconds(1));
            logged.rename("Same", "Transaction", () -> second.plusSeconds(2));
            return users.save(logged);
        });
        assertThat(renamed.loginCount()).isEqualTo(3);
        assertThat(renamed.version()).isEqualTo(4);
        assertThat(readTx(() -> users.findById(user.id())).orElseThrow().firstName())
                .isEqualTo("Same");

        // a copy loaded before the login can no longer overwrite the count
        User before = readTx(() -> users.findById(user.id())).orElseThrow();
        txRun(() -> users.recordLogin(user.id(), second.plusSeconds(1)));
        before.rename("Stale", "Copy", () -> second.plusSeconds(2));
        assertThatThrownBy(() -> tx(() -> users.save(before))).isInstanceOf(StaleVersionException.class);
        assertThat(readTx(() -> users.findById(user.id())).orElseThrow().loginCount())
                .isEqualTo(4);

        assertThatThrownBy(() -> tx(() -> users.recordLogin(UserId.newId(), second)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void findWithProfileJoinsInOneStatement() {
        User with = tx(() -> users.add(IdentityFixtures.bareUser("withprof")));
        User without = tx(() -> users.add(IdentityFixtures.bareUser("noprof")));
        var profile = tx(() -> profiles.add(IdentityFixtures.profile(with.id())));

        long count = statements(() -> readTx(() -> {
            UserWithProfile found = users.findWithProfile(with.id()).orElseThrow();
            assertSameState(found.user(), with);
            assertSameState(found.profile(), profile);
            return found;
        }));
        assertThat(count).isEqualTo(1);
        UserWithProfile alone =
                readTx(() -> users.findWithProfile(without.id())).orElseThrow();
        assertThat(alone.profile()).isNull();
        assertThat(readTx(() -> users.findWithProfile(UserId.newId()))).isEmpty();
    }

    @Test
    void findWithProfilesCostsOneStatementFor1Or100Users() {
        List<UserId> ids = new ArrayList<>();
        txRun(() -> {
            for (String name : IdentityFixtures.names("batch", 100)) {
                User user = users.add(IdentityFixtures.bareUser(name));
                ids.add(user.id());
                if (ids.size() % 2 == 0) {
                    profiles.add(IdentityFixtures.profile(user.id()));
                }
            }
        });
        long one = statements(() -> assertThat(readTx(() -> users.findWithProfiles(ids.subList(0, 1))))
                .hasSize(1));
        List<UserId> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled);
        shuffled.add(UserId.newId()); // unknown ids are skipped
        long hundred = statements(() -> {
            List<UserWithProfile> found = readTx(() -> users.findWithProfiles(shuffled));
            assertThat(found).hasSize(100);
            assertThat(found).extracting(f -> f.user().id()).containsExactlyElementsOf(shuffled.subList(0, 100));
            assertThat(found)
                    .filteredOn(f -> f.profile() != null)
                    .hasSize(50)
                    .allSatisfy(f ->
                            assertThat(f.profile().userId()).isEqualTo(f.user().id()));
        });
        assertThat(one).isEqualTo(1);
        assertThat(hundred).isEqualTo(one);
        assertThat(readTx(() -> users.findWithProfiles(List.of()))).isEmpty();
    }

    @Test
    void tagCountsCountActiveUsersMostUsedFirst() {
        txRun(() -> {
            users.add(IdentityFixtures.user(
                    "tag1", Role.USER, UserStatus.ACTIVE, Set.of("java", "sql"), T0, null, null, null));
            users.add(
                    IdentityFixtures.user("tag2", Role.USER, UserStatus.ACTIVE, Set.of("java"), T0, null, null, null));
            users.add(IdentityFixtures.user(
                    "tag3", Role.USER, UserStatus.ACTIVE, Set.of("java", "go", "sql"), T0, null, null, null));
            users.add(IdentityFixtures.user(
                    "tag4", Role.USER, UserStatus.INACTIVE, Set.of("go", "rust"), T0, null, null, null));
        });
        assertThat(readTx(() -> users.tagCounts(10)))
                .containsExactly(new TagCount("java", 3), new TagCount("sql", 2), new TagCount("go", 1));
        assertThat(readTx(() -> users.tagCounts(1))).containsExactly(new TagCount("java", 3));
        assertThat(readTx(() -> users.tagCounts(0))).isEmpty();
    }

    @Test
    void statisticsAggregateInTheDatabase() {
        Instant now = T0.plus(Duration.ofDays(10));
        txRun(() -> {
            users.add(IdentityFixtures.user(
                    "stat1", Role.ADMIN, UserStatus.ACTIVE, Set.of("a", "b"), T0, null, null, null));
            users.add(IdentityFixtures.user(
                    "stat2", Role.USER, UserStatus.ACTIVE, Set.of("b"), T0.plus(Duration.ofDays(4)), null, null, null));
            users.add(IdentityFixtures.user(
                    "stat3",
                    Role.USER,
                    UserStatus.INACTIVE,
                    Set.of("c"),
                    T0.plus(Duration.ofDays(8)),
                    null,
                    null,
                    null));
        });
        UserStatistics stats = readTx(() -> users.statistics(now));
        assertThat(stats.total()).isEqualTo(3);
        assertThat(stats.active()).isEqualTo(2);
        assertThat(stats.inactive()).isEqualTo(1);
        assertThat(stats.byRole())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(Role.ADMIN, 1L, Role.MANAGER, 0L, Role.USER, 2L, Role.GUEST, 0L));
        assertThat(stats.uniqueTags()).isEqualTo(3);
        assertThat(stats.averageAccountAgeDays())
                .isCloseTo((10 + 6 + 2) / 3.0, org.assertj.core.data.Offset.offset(1e-9));

        sql("DELETE FROM users");
        UserStatistics empty = readTx(() -> users.statistics(now));
        assertThat(empty.total()).isZero();
        assertThat(empty.averageAccountAgeDays()).isZero();
        assertThat(empty.byRole()).containsEntry(Role.ADMIN, 0L);
    }

    @Test
    void bulkUpdateChangesManyUsersInOneStatement() {
        List<User> added = tx(() -> IntStream.range(0, 5)
                .mapToObj(i -> users.add(IdentityFixtures.user(
                        "bulk" + i,
                        Role.USER,
                        UserStatus.ACTIVE,
                        i == 0 ? Set.of("old", "keep") : Set.of("keep"),
                        T0,
                        null,
                        null,
                        null)))
                .toList());
        List<UserId> targets =
                new ArrayList<>(added.subList(0, 3).stream().map(User::id).toList());
        targets.add(UserId.newId());
        Instant now = T0.plus(Duration.ofDays(1));
        BulkUserChange change = new BulkUserChange(
                UserStatus.INACTIVE, Role.GUEST, Tags.of(Set.of("new", "keep")), Tags.of(Set.of("old")));

        long count = statements(() ->
                assertThat(tx(() -> users.bulkUpdate(targets, change, now))).isEqualTo(3));
        assertThat(count).as("UPDATE ... RETURNING, INSERT of the events").isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            int index = i;
            User reloaded = readTx(() -> users.findById(added.get(index).id())).orElseThrow();
            if (i < 3) {
                assertThat(reloaded.status()).isEqualTo(UserStatus.INACTIVE);
                assertThat(reloaded.role()).isEqualTo(Role.GUEST);
                assertThat(reloaded.tags().values()).containsExactly("keep", "new");
                assertThat(reloaded.version()).isEqualTo(1);
                assertThat(reloaded.updatedAt()).isEqualTo(now);
            } else {
                assertThat(reloaded.status()).isEqualTo(UserStatus.ACTIVE);
                assertThat(reloaded.tags().values()).containsExactly("keep");
                assertThat(reloaded.version()).isZero();
            }
        }
        // the same change again changes nothing: no version bump, zero rows
        assertThat(tx(() -> users.bulkUpdate(targets, change, now.plusSeconds(1))))
                .isZero();
        // only the role; tags untouched
        assertThat(tx(() -> users.bulkUpdate(targets, new BulkUserChange(null, Role.USER, null, null), now)))
                .isEqualTo(3);
        User first = readTx(() -> users.findById(added.get(0).id())).orElseThrow();
        assertThat(first.role()).isEqualTo(Role.USER);
        assertThat(first.status()).isEqualTo(UserStatus.INACTIVE);
        assertThat(first.tags().values()).containsExactly("keep", "new");
        assertThat(first.version()).isEqualTo(2);
        assertThat(tx(() -> users.bulkUpdate(List.of(), change, now))).isZero();
    }

    @Test
    void bulkUpdateBeyondTheTagLimitIsAValidationError() {
        Set<String> many = new java.util.TreeSet<>(IdentityFixtures.names("tag", 45));
        User user = tx(() ->
                users.add(IdentityFixtures.user("tagged", Role.USER, UserStatus.ACTIVE, many, T0, null, null, null)));
        Tags more = Tags.of(IdentityFixtures.names("more", 10));
        assertThatThrownBy(() ->
                        tx(() -> users.bulkUpdate(List.of(user.id()), new BulkUserChange(null, null, more, null), T0)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("addTags"));
        assertThat(readTx(() -> users.findById(user.id())).orElseThrow().tags().values())
                .hasSize(45);
    }

    @Test
    void countIsTheNumberOfUsers() {
        long before = readTx(() -> users.count());
        tx(() -> users.add(
                IdentityFixtures.user("counted", Role.USER, UserStatus.ACTIVE, Set.of(), T0, null, null, null)));
        assertThat(readTx(() -> users.count())).isEqualTo(before + 1);
        // one added in the same transaction is counted too
        assertThat(tx(() -> {
                    users.add(IdentityFixtures.user(
                            "counted2", Role.USER, UserStatus.ACTIVE, Set.of(), T0, null, null, null));
                    return users.count();
                }))
                .isEqualTo(before + 2);
    }

    @Test
    void portsRefuseToRunOutsideATransaction() {
        assertThatThrownBy(() -> users.count()).hasMessageContaining("none is running");
    }

    private boolean waitingForALock() {
        try (var connection = io.strata.adapters.persistence.testing.TestPostgres.connect(url);
                var statement = connection.createStatement();
                var rs = statement.executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                + "AND wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String column(String column, UserId id) {
        return readTx(() -> (String) bean(jakarta.persistence.EntityManager.class)
                .createNativeQuery("SELECT " + column + " FROM users WHERE id = :id", String.class)
                .setParameter("id", id.value())
                .getSingleResult());
    }

    private long count(String table, UserId userId) {
        return readTx(() -> ((Number) bean(jakarta.persistence.EntityManager.class)
                        .createNativeQuery("SELECT count(*) FROM " + table + " WHERE user_id = :id", Long.class)
                        .setParameter("id", userId.value())
                        .getSingleResult())
                .longValue());
    }
}
