package io.strata.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Which identity changes record which events: each real change one event, a change to the same value none. */
class IdentityEventsTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = now::get;

    private Instant tick() {
        now.set(now.get().plusSeconds(1));
        return now.get();
    }

    @Test
    void aUserRecordsEachRealChangeOnce() {
        Instant created = now.get();
        User user = User.create(
                new Email("ada@example.com"), new Username("ada"), null, null, null, Tags.none(), Map.of(), clock);
        UserId id = user.id();
        assertThat(user.pullEvents())
                .containsExactly(
                        new UserRegistered(id, new Email("ada@example.com"), new Username("ada"), Role.USER, created));

        Instant t1 = tick();
        user.changeRole(Role.MANAGER, clock);
        user.changeRole(Role.MANAGER, clock);
        user.deactivate(clock);
        user.deactivate(clock);
        user.changeStatus(UserStatus.INACTIVE, clock);
        Instant t2 = tick();
        user.activate(clock);
        user.verifyEmail(clock);
        user.passwordChanged(clock);
        user.rename("Ada", "Lovelace", clock);
        user.retag(Tags.of(List.of("math")), clock);
        user.changePreferences(Map.of("theme", "dark"), clock);
        Instant t3 = tick();
        user.delete(clock);
        assertThat(user.pullEvents())
                .containsExactly(
                        new UserRoleChanged(id, Role.USER, Role.MANAGER, t1),
                        new UserStatusChanged(id, UserStatus.ACTIVE, UserStatus.INACTIVE, t1),
                        new UserStatusChanged(id, UserStatus.INACTIVE, UserStatus.ACTIVE, t2),
                        new UserEmailVerified(id, new Email("ada@example.com"), t2),
                        new UserPasswordChanged(id, t2),
                        new UserDeleted(id, t3));
        assertThat(user.pullEvents()).isEmpty();
    }

    @Test
    void aBulkChangeNamesOnlyWhatMovedForEachUser() {
        UserId id = UserId.newId();
        Instant at = now.get();
        BulkUserChange both = new BulkUserChange(UserStatus.INACTIVE, Role.GUEST, null, null);
        assertThat(both.eventsFor(id, UserStatus.ACTIVE, Role.USER, at))
                .containsExactly(
                        new UserStatusChanged(id, UserStatus.ACTIVE, UserStatus.INACTIVE, at),
                        new UserRoleChanged(id, Role.USER, Role.GUEST, at));
        assertThat(both.eventsFor(id, UserStatus.INACTIVE, Role.GUEST, at)).isEmpty();
        assertThat(new BulkUserChange(null, null, Tags.of(List.of("x")), null)
                        .eventsFor(id, UserStatus.ACTIVE, Role.USER, at))
                .as("retagging records none")
                .isEmpty();
    }

    @Test
    void aSessionRecordsItsStartAndOneRevocation() {
        UserId user = UserId.newId();
        Instant started = now.get();
        Session session = Session.start(
                user, "a".repeat(64), ClientInfo.of("10.0.0.1", "curl", Map.of()), Duration.ofHours(1), clock);
        Instant revoked = tick();
        session.revoke(clock);
        tick();
        session.revoke(clock);
        assertThat(session.pullEvents())
                .containsExactly(
                        new SessionStarted(session.id(), user, started.plus(Duration.ofHours(1)), started),
                        new SessionRevoked(session.id(), user, revoked));
    }
}
