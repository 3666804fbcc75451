package io.strata.adapters.web.identity;

import static io.strata.adapters.web.identity.IdentityFixtures.assertEveryComponentSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.application.identity.LogInUseCase;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionId;
import io.strata.domain.identity.User;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Round-trip tests for sessions and logins: every field kept, the token only in the login response. */
class SessionWebMapperTest {
    private final UserWebMapper users = new UserWebMapperImpl();
    private final SessionWebMapper mapper = new SessionWebMapperImpl(users);

    @Test
    void sessionRoundTripKeepsEveryField() {
        User user = IdentityFixtures.user();
        Session session = IdentityFixtures.session(user.id());
        SessionResponse response = mapper.toResponse(session, session.id());

        assertEveryComponentSet(response);
        assertThat(response.id()).isEqualTo(session.id().value());
        assertThat(response.userId()).isEqualTo(user.id().value());
        assertThat(response.deviceInfo()).isEqualTo(Map.of("device", "laptop"));
        assertThat(response.ipAddress()).isEqualTo("203.0.113.9");
        assertThat(response.userAgent()).isEqualTo("curl/8");
        assertThat(response.createdAt()).isEqualTo(session.createdAt());
        assertThat(response.lastSeenAt()).isEqualTo(session.lastSeenAt());
        assertThat(response.expiresAt()).isEqualTo(session.expiresAt());
        assertThat(response.revokedAt()).isEqualTo(session.revokedAt());
        assertThat(response.current()).isTrue();
    }

    @Test
    void currentIsFalseForOtherSessionsAndWithoutOne() {
        Session session = IdentityFixtures.session(IdentityFixtures.user().id());
        assertThat(mapper.toResponse(session, new SessionId(UUID.randomUUID())).current())
                .isFalse();
        assertThat(mapper.toResponse(session, null).current()).isFalse();
    }

    @Test
    void loginRoundTripCarriesTheTokenSessionAndUser() {
        User user = IdentityFixtures.user();
        Session session = IdentityFixtures.session(user.id());
        LoginResponse response = mapper.toResponse(new LogInUseCase.LoggedIn("secret-token", session, user));

        assertEveryComponentSet(response);
        assertThat(response.token()).isEqualTo("secret-token");
        assertThat(response.tokenType()).isEqualTo("Bearer");
        assertThat(response.expiresAt()).isEqualTo(session.expiresAt());
        assertThat(response.session()).isEqualTo(mapper.toResponse(session, session.id()));
        assertThat(response.user()).isEqualTo(users.toResponse(user));
        assertThat(response.toString()).doesNotContain("secret-token");
    }
}
