package io.strata.adapters.persistence.identity;

import static io.strata.adapters.persistence.identity.IdentityFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.identity.ClientInfo;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionId;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserProfile;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** domain -> entity -> domain is the same object, field by field, for every identity mapper. */
class IdentityJpaMappersTest {
    private final UserJpaMapper users = new UserJpaMapperImpl();
    private final UserProfileJpaMapper profiles = new UserProfileJpaMapperImpl();
    private final SessionJpaMapper sessions = new SessionJpaMapperImpl();

    @Test
    void userRoundTripKeepsEveryField() {
        User user = IdentityFixtures.fullUser();
        User back = users.toDomain(users.toEntity(user));
        assertSameState(back, user);
        assertThat(back.preferences()).isEqualTo(IdentityFixtures.richPreferences());
        assertThat(back.preferences()).containsEntry("nothing", null);
        assertThat(back.tags().values()).containsExactly("engines", "math", "poetry");
    }

    @Test
    void bareUserRoundTripKeepsNulls() {
        User user = IdentityFixtures.bareUser("bare");
        assertSameState(users.toDomain(users.toEntity(user)), user);
    }

    @Test
    void domainToEntityNeverTouchesThePasswordHash() {
        User user = IdentityFixtures.fullUser();
        assertThat(users.toEntity(user).getPasswordHash()).isNull();

        UserJpaEntity loaded = users.toEntity(user);
        loaded.setPasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
        loaded.setVersion(3);
        User changed = User.reconstitute(
                user.id(),
                user.email(),
                user.username(),
                "Augusta",
                "King",
                user.role(),
                user.status(),
                user.emailVerification(),
                user.passwordChangedAt(),
                user.logins(),
                user.tags(),
                Map.of("x", 1),
                new AuditStamp(99, user.createdAt(), user.updatedAt().plusSeconds(1)));
        users.copyChanges(changed, loaded);
        assertThat(loaded.getPasswordHash()).isEqualTo("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
        assertThat(loaded.getVersion()).as("version belongs to Hibernate").isEqualTo(3);
        assertThat(loaded.getFirstName()).isEqualTo("Augusta");
        assertThat(loaded.getPreferences()).isEqualTo(Map.of("x", 1));
    }

    @Test
    void profileRoundTripKeepsEveryField() {
        UserProfile profile = IdentityFixtures.profile(UserId.newId());
        assertSameState(profiles.toDomain(profiles.toEntity(profile)), profile);
        UserProfile empty = UserProfile.reconstitute(
                java.util.UUID.randomUUID(), UserId.newId(), null, null, Map.of(), new AuditStamp(4, T0, T0));
        assertSameState(profiles.toDomain(profiles.toEntity(empty)), empty);
    }

    @Test
    void sessionRoundTripKeepsEveryField() {
        Session session = IdentityFixtures.session(UserId.newId(), T0, T0.plusSeconds(86_400));
        assertSameState(sessions.toDomain(sessions.toEntity(session)), session);
        Session revoked = Session.reconstitute(
                SessionId.newId(),
                UserId.newId(),
                IdentityFixtures.randomHash(),
                new ClientInfo(null, null, Map.of()),
                T0.plusSeconds(10),
                null,
                Instant.parse("2026-01-15T10:20:35Z"),
                new AuditStamp(2, T0, Instant.parse("2026-01-15T10:20:35Z")));
        assertSameState(sessions.toDomain(sessions.toEntity(revoked)), revoked);
    }

    /** Field-by-field through reflection, so a field added later is compared too. */
    static void assertSameState(Object actual, Object expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("events").isEqualTo(expected);
    }
}
