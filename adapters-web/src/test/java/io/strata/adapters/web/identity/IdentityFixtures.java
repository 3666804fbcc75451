package io.strata.adapters.web.identity;

import io.strata.domain.identity.ClientInfo;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.EmailVerification;
import io.strata.domain.identity.LoginHistory;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionId;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserProfile;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Domain objects with every field set to a distinct value, for the mappers' round-trip tests. */
final class IdentityFixtures {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");

    private IdentityFixtures() {}

    static User user() {
        return User.reconstitute(
                new UserId(UUID.randomUUID()),
                new Email("ada@example.com"),
                new Username("ada"),
                "Ada",
                "Lovelace",
                Role.MANAGER,
                UserStatus.INACTIVE,
                new EmailVerification(true, T0.plusSeconds(1)),
                T0.plusSeconds(2),
                new LoginHistory(T0.plusSeconds(3), 7),
                Tags.of(Set.of("beta", "staff")),
                Map.of("theme", "dark"),
                new AuditStamp(4, T0, T0.plusSeconds(4)));
    }

    static UserProfile profile(UserId userId) {
        return UserProfile.reconstitute(
                UUID.randomUUID(),
                userId,
                "Mathematician",
                "https://example.com/a.png",
                Map.of("lang", "en"),
                new AuditStamp(2, T0.plusSeconds(5), T0.plusSeconds(6)));
    }

    static Session session(UserId userId) {
        return Session.reconstitute(
                new SessionId(UUID.randomUUID()),
                userId,
                "a".repeat(64),
                new ClientInfo("203.0.113.9", "curl/8", Map.of("device", "laptop")),
                T0.plusSeconds(86_400),
                T0.plusSeconds(7),
                T0.plusSeconds(8),
                new AuditStamp(1, T0, T0.plusSeconds(8)));
    }

    /** Every component of a response record must be set (nothing silently dropped). */
    static void assertEveryComponentSet(Record response) {
        for (RecordComponent component : response.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(response);
                if (value == null) {
                    throw new AssertionError(
                            response.getClass().getSimpleName() + "." + component.getName() + " was not mapped");
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }
}
