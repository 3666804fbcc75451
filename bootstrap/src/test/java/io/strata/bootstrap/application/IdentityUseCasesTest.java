package io.strata.bootstrap.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.application.identity.AuthenticateUseCase;
import io.strata.application.identity.BulkUpdateUsersUseCase;
import io.strata.application.identity.ChangePasswordUseCase;
import io.strata.application.identity.ChangeUserStatusUseCase;
import io.strata.application.identity.DeleteUserUseCase;
import io.strata.application.identity.EnsureFirstAdminUseCase;
import io.strata.application.identity.LogInUseCase;
import io.strata.application.identity.LogOutUseCase;
import io.strata.application.identity.RegisterUserUseCase;
import io.strata.application.identity.RevokeSessionUseCase;
import io.strata.application.identity.SessionQueries;
import io.strata.application.identity.UpdateUserUseCase;
import io.strata.application.identity.UpsertProfileUseCase;
import io.strata.application.identity.UserPatch;
import io.strata.application.identity.UserQueries;
import io.strata.application.identity.VerifyEmailUseCase;
import io.strata.application.shared.Change;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserSearch;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ForbiddenException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.error.ThrottledException;
import io.strata.domain.shared.error.UnauthenticatedException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.error.VersionRequiredException;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every identity use case's rules and failures, called through the use-case interfaces against the
 * real persistence adapter and PostgreSQL (no HTTP). HTTP mapping is tested in the web tests.
 */
class IdentityUseCasesTest extends IntegrationTest {
    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Inject
    RegisterUserUseCase register;

    @Inject
    LogInUseCase logIn;

    @Inject
    AuthenticateUseCase authenticate;

    @Inject
    LogOutUseCase logOut;

    @Inject
    RevokeSessionUseCase revokeSession;

    @Inject
    SessionQueries sessionQueries;

    @Inject
    ChangePasswordUseCase changePassword;

    @Inject
    UpdateUserUseCase updateUser;

    @Inject
    ChangeUserStatusUseCase changeStatus;

    @Inject
    DeleteUserUseCase deleteUser;

    @Inject
    VerifyEmailUseCase verifyEmail;

    @Inject
    UpsertProfileUseCase upsertProfile;

    @Inject
    BulkUpdateUsersUseCase bulkUpdate;

    @Inject
    UserQueries queries;

    @Inject
    EnsureFirstAdminUseCase ensureFirstAdmin;

    private User newUser(Role role, String... tags) {
        int n = SEQ.incrementAndGet();
        Actor creator = role == Role.USER ? null : Actor.system();
        return register.register(new RegisterUserUseCase.Command(
                creator,
                "User" + n + "@Example.com",
                "user" + n,
                PASSWORD,
                "First" + n,
                "Last" + n,
                role,
                Set.of(tags),
                Map.of("theme", "light"),
                null));
    }

    private static Actor actor(User user) {
        return new Actor(user.id(), user.role());
    }

    private LogInUseCase.LoggedIn login(User user, String password, String ip) {
        return logIn.logIn(new LogInUseCase.Command(user.email().value(), password, ip, "junit", Map.of()));
    }

    private static UserPatch patch(Change<String> first, Change<Role> role, Change<UserStatus> status) {
        return new UserPatch(first, Change.absent(), Change.absent(), Change.absent(), role, status);
    }

    // --- register -------------------------------------------------------------------------------

    @Test
    void registerCreatesAnActiveUserWhoCanLogIn() {
        User user = newUser(Role.USER, "beta");
        assertThat(user.email().value()).startsWith("user").endsWith("@example.com");
        assertThat(user.role()).isEqualTo(Role.USER);
        assertThat(user.tags().values()).containsExactly("beta");
        assertThat(login(user, PASSWORD, "10.0.0.1").token()).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void anonymousCannotChooseARole() {
        assertThatThrownBy(() -> register.register(new RegisterUserUseCase.Command(
                        null, "boss@example.com", "boss", PASSWORD, null, null, Role.ADMIN, Set.of(), Map.of(), null)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void emailAndUsernameAreUnique() {
        User user = newUser(Role.USER);
        assertThatThrownBy(() -> register.register(new RegisterUserUseCase.Command(
                        null,
                        user.email().value().toUpperCase(),
                        "someoneelse",
                        PASSWORD,
                        null,
                        null,
                        null,
                        Set.of(),
                        Map.of(),
                        null)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already registered");
        assertThatThrownBy(() -> register.register(new RegisterUserUseCase.Command(
                        null,
                        "fresh@example.com",
                        user.username().value(),
                        PASSWORD,
                        null,
                        null,
                        null,
                        Set.of(),
                        Map.of(),
                        null)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already taken");
    }

    @Test
    void registerReportsEveryInvalidField() {
        assertThatThrownBy(() -> register.register(new RegisterUserUseCase.Command(
                        null, "nope", "X", "short", null, null, null, Set.of(), Map.of(), null)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(ValidationException.FieldError::field)
                                .containsExactlyInAnyOrder("email", "username", "password"));
    }

    // --- log in / authenticate / log out -------------------------------------------------------

    @Test
    void loginCountsAndAuthenticates() {
        User user = newUser(Role.USER);
        LogInUseCase.LoggedIn first = login(user, PASSWORD, "10.0.0.2");
        LogInUseCase.LoggedIn second = login(user, PASSWORD, "10.0.0.2");
        assertThat(second.user().loginCount()).isEqualTo(2);
        assertThat(second.user().lastLoginAt()).isNotNull();
        assertThat(first.token()).isNotEqualTo(second.token());
        assertThat(first.session().tokenHash()).isNotEqualTo(first.token()).hasSize(64);
        AuthenticateUseCase.Authenticated auth =
                authenticate.authenticate(first.token()).orElseThrow();
        assertThat(auth.actor()).isEqualTo(actor(user));
        assertThat(auth.sessionId()).isEqualTo(first.session().id());
        assertThat(authenticate.authenticate("not-a-token")).isEmpty();
        assertThat(authenticate.authenticate("")).isEmpty();
        assertThat(authenticate.authenticate("x".repeat(1000))).isEmpty();
    }

    @Test
    void wrongPasswordUnknownEmailAndInactiveUserLookTheSame() {
        User user = newUser(Role.USER);
        User inactive = newUser(Role.USER);
        changeStatus.changeStatus(
                new ChangeUserStatusUseCase.Command(Actor.system(), inactive.id(), UserStatus.INACTIVE));
        List<Runnable> attempts = List.of(
                () -> login(user, "wrong password!", "10.0.1.1"),
                () -> logIn.logIn(new LogInUseCase.Command("ghost@example.com", PASSWORD, "10.0.1.1", null, null)),
                () -> logIn.logIn(new LogInUseCase.Command("not an email", PASSWORD, "10.0.1.1", null, null)),
                () -> login(inactive, PASSWORD, "10.0.1.1"));
        for (Runnable attempt : attempts) {
            assertThatThrownBy(attempt::run)
                    .isInstanceOf(UnauthenticatedException.class)
                    .hasMessage("invalid email or password");
        }
    }

    @Test
    void repeatedFailuresThrottleTheAccountAndThePersistedCountSurvivesTheFailedRequests() {
        User user = newUser(Role.USER);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login(user, "wrong password!", "10.0.2." + SEQ.incrementAndGet() % 250))
                    .isInstanceOf(UnauthenticatedException.class);
        }
        assertThatThrownBy(() -> login(user, PASSWORD, "10.0.3.1"))
                .isInstanceOfSatisfying(
                        ThrottledException.class,
                        e -> assertThat(e.retryAfterSeconds()).isPositive());
    }

    @Test
    void successfulLoginClearsTheAccountCounter() {
        User user = newUser(Role.USER);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login(user, "wrong password!", "10.0.4.1"))
                    .isInstanceOf(UnauthenticatedException.class);
        }
        login(user, PASSWORD, "10.0.4.1");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login(user, "wrong password!", "10.0.4.1"))
                    .isInstanceOf(UnauthenticatedException.class);
        }
        assertThat(login(user, PASSWORD, "10.0.4.1").token()).isNotBlank();
    }

    @Test
    void logOutRevokesOnlyTheCurrentSession() {
        User user = newUser(Role.USER);
        LogInUseCase.LoggedIn a = login(user, PASSWORD, "10.0.5.1");
        LogInUseCase.LoggedIn b = login(user, PASSWORD, "10.0.5.1");
        assertThat(sessionQueries.mySessions(actor(user))).hasSize(2);
        logOut.logOut(new LogOutUseCase.Command(actor(user), a.session().id()));
        assertThat(authenticate.authenticate(a.token())).isEmpty();
        assertThat(authenticate.authenticate(b.token())).isPresent();
        assertThat(sessionQueries.mySessions(actor(user)))
                .extracting(s -> s.id())
                .containsExactly(b.session().id());
    }

    @Test
    void sessionsOfOthersAreNotFoundExceptForAdmins() {
        User owner = newUser(Role.USER);
        User other = newUser(Role.USER);
        LogInUseCase.LoggedIn session = login(owner, PASSWORD, "10.0.6.1");
        assertThatThrownBy(() -> revokeSession.revoke(new RevokeSessionUseCase.Command(
                        actor(other), session.session().id())))
                .isInstanceOf(NotFoundException.class);
        revokeSession.revoke(new RevokeSessionUseCase.Command(
                Actor.system(), session.session().id()));
        assertThat(authenticate.authenticate(session.token())).isEmpty();
    }

    @Test
    void changePasswordChecksTheCurrentOneAndRevokesOtherSessions() {
        User user = newUser(Role.USER);
        LogInUseCase.LoggedIn current = login(user, PASSWORD, "10.0.7.1");
        LogInUseCase.LoggedIn other = login(user, PASSWORD, "10.0.7.2");
        assertThatThrownBy(() -> changePassword.changePassword(new ChangePasswordUseCase.Command(
                        actor(user), current.session().id(), "not it at all", "a brand new secret")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("currentPassword");
        assertThatThrownBy(() -> changePassword.changePassword(new ChangePasswordUseCase.Command(
                        actor(user), current.session().id(), PASSWORD, "short")))
                .isInstanceOf(ValidationException.class);
        int revoked = changePassword.changePassword(
                new ChangePasswordUseCase.Command(actor(user), current.session().id(), PASSWORD, "a brand new secret"));
        assertThat(revoked).isEqualTo(1);
        assertThat(authenticate.authenticate(current.token())).isPresent();
        assertThat(authenticate.authenticate(other.token())).isEmpty();
        assertThatThrownBy(() -> login(user, PASSWORD, "10.0.7.3")).isInstanceOf(UnauthenticatedException.class);
        assertThat(login(user, "a brand new secret", "10.0.7.3").user().passwordChangedAt())
                .isAfterOrEqualTo(user.passwordChangedAt());
    }

    // --- update / status / delete / verify ------------------------------------------------------

    @Test
    void usersChangeTheirOwnNamesTagsAndPreferencesByMergePatch() {
        User user = newUser(Role.USER, "a");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("theme", null);
        prefs.put("lang", "en");
        User updated = updateUser.update(new UpdateUserUseCase.Command(
                actor(user),
                user.id(),
                user.version(),
                new UserPatch(
                        Change.to("Grace"),
                        Change.to(null),
                        Change.to(Set.of("b", "c")),
                        Change.to(prefs),
                        Change.absent(),
                        Change.absent())));
        assertThat(updated.firstName()).isEqualTo("Grace");
        assertThat(updated.lastName()).isNull();
        assertThat(updated.tags().values()).containsExactly("b", "c");
        assertThat(updated.preferences()).isEqualTo(Map.of("lang", "en"));
        assertThat(updated.version()).isEqualTo(user.version() + 1);
    }

    @Test
    void onlyAdminsChangeRoleOrStatusOrOtherUsers() {
        User user = newUser(Role.USER);
        User other = newUser(Role.USER);
        User manager = newUser(Role.MANAGER);
        assertThatThrownBy(() -> updateUser.update(new UpdateUserUseCase.Command(
                        actor(user), user.id(), 0, patch(Change.absent(), Change.to(Role.ADMIN), Change.absent()))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> updateUser.update(new UpdateUserUseCase.Command(
                        actor(user), other.id(), 0, patch(Change.to("x"), Change.absent(), Change.absent()))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> updateUser.update(new UpdateUserUseCase.Command(
                        actor(manager), other.id(), 0, patch(Change.to("x"), Change.absent(), Change.absent()))))
                .isInstanceOf(ForbiddenException.class);
        User promoted = updateUser.update(new UpdateUserUseCase.Command(
                Actor.system(),
                other.id(),
                other.version(),
                patch(Change.absent(), Change.to(Role.MANAGER), Change.absent())));
        assertThat(promoted.role()).isEqualTo(Role.MANAGER);
        assertThatThrownBy(() -> updateUser.update(new UpdateUserUseCase.Command(
                        Actor.system(),
                        other.id(),
                        promoted.version(),
                        patch(Change.absent(), Change.to(null), Change.absent()))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void staleVersionIsRejected() {
        User user = newUser(Role.USER);
        updateUser.update(new UpdateUserUseCase.Command(
                actor(user), user.id(), user.version(), patch(Change.to("One"), Change.absent(), Change.absent())));
        assertThatThrownBy(() -> updateUser.update(new UpdateUserUseCase.Command(
                        actor(user),
                        user.id(),
                        user.version(),
                        patch(Change.to("Two"), Change.absent(), Change.absent()))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(queries.get(actor(user), user.id()).firstName()).isEqualTo("One");
    }

    @Test
    void adminsCannotDemoteDeactivateOrDeleteThemselves() {
        User admin = newUser(Role.ADMIN);
        assertThatThrownBy(() -> updateUser.update(new UpdateUserUseCase.Command(
                        actor(admin),
                        admin.id(),
                        admin.version(),
                        patch(Change.absent(), Change.to(Role.USER), Change.absent()))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> changeStatus.changeStatus(
                        new ChangeUserStatusUseCase.Command(actor(admin), admin.id(), UserStatus.INACTIVE)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() ->
                        deleteUser.delete(new DeleteUserUseCase.Command(actor(admin), admin.id(), admin.version())))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void deactivationEndsSessionsAndActivationRestoresLogin() {
        User user = newUser(Role.USER);
        LogInUseCase.LoggedIn session = login(user, PASSWORD, "10.0.8.1");
        assertThatThrownBy(() -> changeStatus.changeStatus(
                        new ChangeUserStatusUseCase.Command(actor(user), user.id(), UserStatus.INACTIVE)))
                .isInstanceOf(ForbiddenException.class);
        User inactive = changeStatus.changeStatus(
                new ChangeUserStatusUseCase.Command(Actor.system(), user.id(), UserStatus.INACTIVE));
        assertThat(inactive.status()).isEqualTo(UserStatus.INACTIVE);
        assertThat(authenticate.authenticate(session.token())).isEmpty();
        changeStatus.changeStatus(new ChangeUserStatusUseCase.Command(Actor.system(), user.id(), UserStatus.ACTIVE));
        assertThat(login(user, PASSWORD, "10.0.8.1").token()).isNotBlank();
    }

    @Test
    void deleteNeedsAdminAndCurrentVersionAndCascades() {
        User admin = newUser(Role.ADMIN);
        User user = newUser(Role.USER);
        login(user, PASSWORD, "10.0.9.1");
        upsertProfile.upsert(new UpsertProfileUseCase.Command(actor(user), user.id(), null, "bio", null, Map.of()));
        assertThatThrownBy(() -> deleteUser.delete(new DeleteUserUseCase.Command(actor(user), user.id(), 0)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> deleteUser.delete(new DeleteUserUseCase.Command(actor(admin), user.id(), 99)))
                .isInstanceOf(StaleVersionException.class);
        long current = queries.get(actor(admin), user.id()).version(); // the login moved it on
        deleteUser.delete(new DeleteUserUseCase.Command(actor(admin), user.id(), current));
        assertThatThrownBy(() -> queries.get(actor(admin), user.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> deleteUser.delete(new DeleteUserUseCase.Command(actor(admin), user.id(), 0)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void emailIsVerifiedOnceByAnAdmin() {
        User user = newUser(Role.USER);
        assertThatThrownBy(() -> verifyEmail.verifyEmail(new VerifyEmailUseCase.Command(actor(user), user.id())))
                .isInstanceOf(ForbiddenException.class);
        User verified = verifyEmail.verifyEmail(new VerifyEmailUseCase.Command(Actor.system(), user.id()));
        assertThat(verified.emailVerified()).isTrue();
        assertThat(verified.emailVerifiedAt()).isNotNull();
        assertThatThrownBy(() -> verifyEmail.verifyEmail(new VerifyEmailUseCase.Command(Actor.system(), user.id())))
                .isInstanceOf(ConflictException.class);
    }

    // --- profile ---------------------------------------------------------------------------------

    @Test
    void profileIsCreatedThenReplacedAtItsVersion() {
        User user = newUser(Role.USER);
        UpsertProfileUseCase.Result created = upsertProfile.upsert(new UpsertProfileUseCase.Command(
                actor(user), user.id(), null, "Hello", "https://example.com/a.png", Map.of("x", 1)));
        assertThat(created.created()).isTrue();
        assertThatThrownBy(() -> upsertProfile.upsert(
                        new UpsertProfileUseCase.Command(actor(user), user.id(), null, "again", null, Map.of())))
                .isInstanceOf(VersionRequiredException.class);
        assertThatThrownBy(() -> upsertProfile.upsert(
                        new UpsertProfileUseCase.Command(actor(user), user.id(), 42L, "again", null, Map.of())))
                .isInstanceOf(StaleVersionException.class);
        UpsertProfileUseCase.Result replaced = upsertProfile.upsert(new UpsertProfileUseCase.Command(
                actor(user), user.id(), created.profile().version(), "Bye", null, Map.of()));
        assertThat(replaced.created()).isFalse();
        assertThat(replaced.profile().bio()).isEqualTo("Bye");
        assertThat(replaced.profile().avatarUrl()).isNull();
        assertThat(queries.getWithProfile(actor(user), user.id()).profile().bio())
                .isEqualTo("Bye");
        User stranger = newUser(Role.USER);
        assertThatThrownBy(() -> queries.getProfile(actor(stranger), user.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.getProfile(actor(stranger), stranger.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> upsertProfile.upsert(
                        new UpsertProfileUseCase.Command(actor(stranger), user.id(), null, "hijack", null, Map.of())))
                .isInstanceOf(NotFoundException.class);
    }

    // --- queries -----------------------------------------------------------------------------------

    @Test
    void usersSeeThemselvesManagersAndAdminsSeeEveryone() {
        User user = newUser(Role.USER);
        User other = newUser(Role.USER);
        User manager = newUser(Role.MANAGER);
        assertThat(queries.get(actor(user), user.id()).id()).isEqualTo(user.id());
        assertThatThrownBy(() -> queries.get(actor(user), other.id())).isInstanceOf(NotFoundException.class);
        assertThat(queries.get(actor(manager), other.id()).id()).isEqualTo(other.id());
        assertThatThrownBy(() -> queries.get(actor(manager), new UserId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        PageRequest page = PageRequest.first(10, UserSearch.SCHEMA.defaultSort());
        assertThatThrownBy(() -> queries.search(actor(user), SearchCriteria.none(), page))
                .isInstanceOf(ForbiddenException.class);
        assertThat(queries.search(actor(manager), SearchCriteria.none(), page).items())
                .isNotEmpty();
        assertThatThrownBy(() -> queries.statistics(actor(user))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> queries.tagCounts(actor(user), 10)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void batchGetReturnsOnlyWhatTheActorMaySee() {
        User user = newUser(Role.USER);
        User other = newUser(Role.USER);
        List<UserId> ids = List.of(user.id(), other.id(), new UserId(UUID.randomUUID()));
        assertThat(queries.batchGet(actor(user), ids))
                .extracting(u -> u.user().id())
                .containsExactly(user.id());
        assertThat(queries.batchGet(Actor.system(), ids))
                .extracting(u -> u.user().id())
                .containsExactlyInAnyOrder(user.id(), other.id());
        assertThatThrownBy(() -> queries.batchGet(Actor.system(), List.of())).isInstanceOf(ValidationException.class);
    }

    @Test
    void statisticsTagCountsAndBulkUpdate() {
        String tag = "bulk" + SEQ.incrementAndGet();
        User a = newUser(Role.USER, tag);
        User b = newUser(Role.USER, tag);
        User admin = newUser(Role.ADMIN);
        assertThat(queries.tagCounts(actor(admin), 1000)).anySatisfy(t -> {
            assertThat(t.tag()).isEqualTo(tag);
            assertThat(t.count()).isEqualTo(2);
        });
        assertThatThrownBy(() -> bulkUpdate.bulkUpdate(new BulkUpdateUsersUseCase.Command(
                        actor(a), List.of(b.id()), UserStatus.INACTIVE, null, null, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> bulkUpdate.bulkUpdate(new BulkUpdateUsersUseCase.Command(
                        actor(admin), List.of(admin.id()), null, Role.USER, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> bulkUpdate.bulkUpdate(
                        new BulkUpdateUsersUseCase.Command(actor(admin), List.of(a.id()), null, null, null, null)))
                .isInstanceOf(ValidationException.class);
        LogInUseCase.LoggedIn aSession = login(a, PASSWORD, "10.0.10.1");
        int affected = bulkUpdate.bulkUpdate(new BulkUpdateUsersUseCase.Command(
                actor(admin), List.of(a.id(), b.id()), UserStatus.INACTIVE, Role.GUEST, Set.of("x"), Set.of(tag)));
        assertThat(affected).isEqualTo(2);
        bulkUpdate.bulkUpdate(
                new BulkUpdateUsersUseCase.Command(actor(admin), List.of(a.id()), UserStatus.ACTIVE, null, null, null));
        assertThat(authenticate.authenticate(aSession.token()))
                .as("revoked by the bulk deactivation")
                .isEmpty();
        bulkUpdate.bulkUpdate(new BulkUpdateUsersUseCase.Command(
                actor(admin), List.of(a.id()), UserStatus.INACTIVE, null, null, null));
        User changed = queries.get(actor(admin), a.id());
        assertThat(changed.status()).isEqualTo(UserStatus.INACTIVE);
        assertThat(changed.role()).isEqualTo(Role.GUEST);
        assertThat(changed.tags().values()).containsExactly("x");
        assertThat(changed.version()).as("login + three bulk updates").isEqualTo(a.version() + 4);
        var stats = queries.statistics(actor(admin));
        assertThat(stats.total()).isEqualTo(stats.active() + stats.inactive());
        assertThat(stats.inactive()).isGreaterThanOrEqualTo(2);
        assertThat(stats.byRole().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(stats.total());
        assertThat(stats.averageAccountAgeDays()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void firstAdminIsCreatedOnlyOnAnEmptyDatabase() {
        newUser(Role.USER);
        assertThat(ensureFirstAdmin.ensureFirstAdmin(
                        new EnsureFirstAdminUseCase.Command("root@example.com", "long enough password")))
                .isEmpty();
    }
}
