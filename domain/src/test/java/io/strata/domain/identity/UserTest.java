package io.strata.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class UserTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = now::get;

    private User newUser() {
        return User.create(
                new Email("ada@example.com"),
                new Username("ada"),
                " Ada ",
                "Lovelace",
                null,
                Tags.of(List.of("math")),
                Map.of("theme", "dark"),
                clock);
    }

    @Test
    void createdUserIsActiveUnverifiedUserRoleAtVersionZeroWithAnEvent() {
        User user = newUser();
        assertThat(user.role()).isEqualTo(Role.USER);
        assertThat(user.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(user.emailVerified()).isFalse();
        assertThat(user.firstName()).isEqualTo("Ada");
        assertThat(user.fullName()).isEqualTo("Ada Lovelace");
        assertThat(user.version()).isZero();
        assertThat(user.createdAt())
                .isEqualTo(now.get())
                .isEqualTo(user.updatedAt())
                .isEqualTo(user.passwordChangedAt());
        assertThat(user.loginCount()).isZero();
        assertThat(user.pullEvents()).singleElement().isInstanceOf(UserRegistered.class);
        assertThat(user.pullEvents()).isEmpty();
    }

    @Test
    void fullNameFallsBackToUsername() {
        User user =
                User.create(new Email("b@example.com"), new Username("bob"), null, " ", Role.GUEST, null, null, clock);
        assertThat(user.fullName()).isEqualTo("bob");
        assertThat(user.lastName()).isNull();
    }

    @Test
    void namesAreBounded() {
        assertThatThrownBy(() -> User.create(
                        new Email("c@example.com"),
                        new Username("cat"),
                        "x".repeat(101),
                        null,
                        null,
                        null,
                        null,
                        clock))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("firstName");
    }

    @Test
    void preferencesAreBounded() {
        Map<String, Object> huge = new HashMap<>();
        for (int i = 0; i < 101; i++) {
            huge.put("k" + i, i);
        }
        assertThatThrownBy(() -> newUser().changePreferences(huge, clock)).hasMessageContaining("at most 100 keys");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("a", null);
        User user = newUser();
        user.changePreferences(withNull, clock);
        assertThat(user.preferences()).containsKey("a");
    }

    @Test
    void behaviourMovesUpdatedAt() {
        User user = newUser();
        now.set(now.get().plusSeconds(60));
        user.rename("A", null, clock);
        assertThat(user.updatedAt()).isEqualTo(now.get());
        assertThat(user.fullName()).isEqualTo("A");
        user.retag(Tags.of(List.of("x")), clock);
        assertThat(user.tags().values()).containsExactly("x");
        user.changeRole(Role.MANAGER, clock);
        assertThat(user.role()).isEqualTo(Role.MANAGER);
        user.deactivate(clock);
        assertThat(user.isActive()).isFalse();
        user.changeStatus(UserStatus.ACTIVE, clock);
        assertThat(user.isActive()).isTrue();
        assertThatThrownBy(() -> user.changeStatus(null, clock))
                .isInstanceOf(ValidationException.class)
                .hasMessage("status: must not be null");
        assertThatThrownBy(() -> user.changeRole(null, clock)).hasMessage("role: must not be null");
        assertThat(user.isActive()).isTrue();
        user.passwordChanged(clock);
        assertThat(user.passwordChangedAt()).isEqualTo(now.get());
    }

    @Test
    void emailCanBeVerifiedOnce() {
        User user = newUser();
        user.verifyEmail(clock);
        assertThat(user.emailVerified()).isTrue();
        assertThat(user.emailVerifiedAt()).isEqualTo(now.get());
        assertThatThrownBy(() -> user.verifyEmail(clock)).isInstanceOf(ConflictException.class);
    }

    @Test
    void reconstituteRecordsNoEvents() {
        User user = User.reconstitute(
                UserId.newId(),
                new Email("d@example.com"),
                new Username("dan"),
                null,
                null,
                Role.ADMIN,
                UserStatus.INACTIVE,
                new EmailVerification(true, now.get()),
                now.get(),
                new LoginHistory(now.get(), 7),
                null,
                null,
                new AuditStamp(4, now.get(), now.get()));
        assertThat(user.pullEvents()).isEmpty();
        assertThat(user.version()).isEqualTo(4);
        assertThat(user.loginCount()).isEqualTo(7);
        assertThat(user.tags().values()).isEmpty();
    }
}
