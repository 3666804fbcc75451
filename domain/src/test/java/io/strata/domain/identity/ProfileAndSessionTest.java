package io.strata.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProfileAndSessionTest {
    private static final String HASH = "a".repeat(64);
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = now::get;

    @Test
    void profileChecksAvatarUrlAndBio() {
        UserProfile profile =
                UserProfile.create(UserId.newId(), " hi ", "https://img.example.com/a.png", Map.of(), clock);
        assertThat(profile.bio()).isEqualTo("hi");
        assertThatThrownBy(() -> UserProfile.create(UserId.newId(), null, "javascript:alert(1)", null, clock))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> UserProfile.create(UserId.newId(), null, "not a url", null, clock))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> UserProfile.create(UserId.newId(), "x".repeat(2001), null, null, clock))
                .hasMessageContaining("bio");
        now.set(now.get().plusSeconds(5));
        profile.replace(null, null, Map.of("a", 1), clock);
        assertThat(profile.bio()).isNull();
        assertThat(profile.avatarUrl()).isNull();
        assertThat(profile.preferences()).containsEntry("a", 1);
        assertThat(profile.updatedAt()).isEqualTo(now.get());
    }

    @Test
    void sessionLifecycle() {
        Session session = Session.start(
                UserId.newId(),
                HASH,
                ClientInfo.of("10.0.0.1", "curl", Map.of("os", "linux")),
                Duration.ofHours(1),
                clock);
        assertThat(session.isActive(now.get())).isTrue();
        assertThat(session.isActive(now.get().plus(Duration.ofHours(1)))).isFalse();
        assertThat(session.needsTouch(now.get().plusSeconds(30), Duration.ofMinutes(1)))
                .isFalse();
        assertThat(session.needsTouch(now.get().plusSeconds(60), Duration.ofMinutes(1)))
                .isTrue();
        assertThat(session.updatedAt()).isEqualTo(session.createdAt());

        // a sighting is a copy (without pending events) that differs only in lastSeenAt, which never moves back
        Instant later = now.get().plusSeconds(90);
        Session seen = session.seenAt(later);
        assertThat(seen).isNotSameAs(session);
        assertThat(seen.lastSeenAt()).isEqualTo(later);
        assertThat(seen.needsTouch(later.plusSeconds(30), Duration.ofMinutes(1)))
                .isFalse();
        assertThat(seen)
                .usingRecursiveComparison()
                .ignoringFields("lastSeenAt", "events")
                .isEqualTo(session);
        assertThat(seen.seenAt(now.get()).lastSeenAt()).isEqualTo(later);
        assertThat(session.lastSeenAt()).isEqualTo(now.get());

        now.set(now.get().plusSeconds(1));
        session.revoke(clock);
        Instant revokedAt = session.revokedAt();
        assertThat(session.updatedAt()).isEqualTo(revokedAt).isAfter(session.createdAt());
        now.set(now.get().plusSeconds(10));
        session.revoke(clock);
        assertThat(session.revokedAt()).isEqualTo(revokedAt);
        assertThat(session.isActive(now.get())).isFalse();
    }

    @Test
    void sessionChecksIpAndHash() {
        ClientInfo none = ClientInfo.of(null, null, null);
        assertThat(Session.start(UserId.newId(), HASH, ClientInfo.of("::1", null, null), Duration.ofHours(1), clock)
                        .ipAddress())
                .isEqualTo("::1");
        assertThat(Session.start(UserId.newId(), HASH, none, Duration.ofHours(1), clock)
                        .ipAddress())
                .isNull();
        assertThatThrownBy(() -> ClientInfo.of("300.1.1.1", null, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("ipAddress");
        assertThatThrownBy(() -> ClientInfo.of("evil.example.com", null, null)).isInstanceOf(ValidationException.class);
        for (String notV4 : new String[] {"1.1.1.256", "١.1.1.1", "1.1.1.1.1", "1..1.1"}) {
            assertThatThrownBy(() -> ClientInfo.of(notV4, null, null))
                    .as(notV4)
                    .isInstanceOf(ValidationException.class);
        }
        assertThatThrownBy(() -> ClientInfo.of(":::::", null, null)).isInstanceOf(ValidationException.class);
        assertThat(ClientInfo.of("::ffff:10.0.0.1", null, null).ipAddress()).isEqualTo("::ffff:10.0.0.1");
        assertThatThrownBy(() -> ClientInfo.of(null, "x".repeat(513), null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("userAgent");
        assertThatThrownBy(() -> Session.start(UserId.newId(), "plain-token", none, Duration.ofHours(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deviceInfoAndPreferencesMustBeStorableJson() {
        assertThatThrownBy(() -> ClientInfo.of(null, null, Map.of("os", "a\u0000")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("deviceInfo.os"));
        assertThatThrownBy(() -> UserProfile.create(UserId.newId(), null, null, Map.of("\uD800", 1), clock))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("preferences"));
    }
}
