package io.strata.adapters.web.identity;

import static io.strata.adapters.web.identity.IdentityFixtures.assertEveryComponentSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.identity.TagCount;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserProfile;
import io.strata.domain.identity.UserStatistics;
import io.strata.domain.identity.UserWithProfile;
import io.strata.domain.shared.user.Role;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Round-trip tests: domain to response keeps every field, and nothing secret exists to leak. */
class UserWebMapperTest {
    private final UserWebMapper mapper = new UserWebMapperImpl();

    @Test
    void userRoundTripKeepsEveryField() {
        User user = IdentityFixtures.user();
        UserResponse response = mapper.toResponse(user);

        assertEveryComponentSet(response);
        assertThat(response.id()).isEqualTo(user.id().value());
        assertThat(response.email()).isEqualTo("ada@example.com");
        assertThat(response.username()).isEqualTo("ada");
        assertThat(response.firstName()).isEqualTo("Ada");
        assertThat(response.lastName()).isEqualTo("Lovelace");
        assertThat(response.fullName()).isEqualTo("Ada Lovelace");
        assertThat(response.role()).isEqualTo(user.role());
        assertThat(response.status()).isEqualTo(user.status());
        assertThat(response.emailVerified()).isTrue();
        assertThat(response.emailVerifiedAt()).isEqualTo(user.emailVerifiedAt());
        assertThat(response.passwordChangedAt()).isEqualTo(user.passwordChangedAt());
        assertThat(response.lastLoginAt()).isEqualTo(user.lastLoginAt());
        assertThat(response.loginCount()).isEqualTo(7);
        assertThat(response.tags()).containsExactly("beta", "staff");
        assertThat(response.preferences()).isEqualTo(Map.of("theme", "dark"));
        assertThat(response.version()).isEqualTo(4);
        assertThat(response.createdAt()).isEqualTo(user.createdAt());
        assertThat(response.updatedAt()).isEqualTo(user.updatedAt());
    }

    @Test
    void noResponseHasAPasswordOrHashField() {
        for (Class<?> type : new Class<?>[] {
            UserResponse.class,
            UserWithProfileResponse.class,
            ProfileResponse.class,
            SessionResponse.class,
            LoginResponse.class
        }) {
            assertThat(Arrays.stream(type.getRecordComponents())
                            .map(c -> c.getName().toLowerCase()))
                    .as(type.getSimpleName())
                    .noneMatch(n -> n.contains("password") && !n.endsWith("changedat") || n.contains("hash"));
        }
    }

    @Test
    void profileRoundTripKeepsEveryField() {
        User user = IdentityFixtures.user();
        UserProfile profile = IdentityFixtures.profile(user.id());
        ProfileResponse response = mapper.toResponse(profile);

        assertEveryComponentSet(response);
        assertThat(response.id()).isEqualTo(profile.id());
        assertThat(response.userId()).isEqualTo(user.id().value());
        assertThat(response.bio()).isEqualTo("Mathematician");
        assertThat(response.avatarUrl()).isEqualTo("https://example.com/a.png");
        assertThat(response.preferences()).isEqualTo(Map.of("lang", "en"));
        assertThat(response.version()).isEqualTo(2);
        assertThat(response.createdAt()).isEqualTo(profile.createdAt());
        assertThat(response.updatedAt()).isEqualTo(profile.updatedAt());
    }

    @Test
    void userWithProfileRoundTripKeepsBothAndAllowsNoProfile() {
        User user = IdentityFixtures.user();
        UserProfile profile = IdentityFixtures.profile(user.id());
        UserWithProfileResponse response = mapper.toResponse(new UserWithProfile(user, profile));

        assertEveryComponentSet(response);
        assertThat(response.user()).isEqualTo(mapper.toResponse(user));
        assertThat(response.profile()).isEqualTo(mapper.toResponse(profile));
        assertThat(mapper.toResponse(new UserWithProfile(user, null)).profile()).isNull();
    }

    @Test
    void tagCountsAndStatisticsRoundTrip() {
        TagCountResponse tag = mapper.toResponse(new TagCount("beta", 3));
        assertEveryComponentSet(tag);
        assertThat(tag).isEqualTo(new TagCountResponse("beta", 3));

        UserStatistics statistics = new UserStatistics(10, 8, 2, Map.of(Role.ADMIN, 1L, Role.USER, 9L), 4, 12.5);
        UserStatisticsResponse response = mapper.toResponse(statistics);
        assertEveryComponentSet(response);
        assertThat(response)
                .isEqualTo(new UserStatisticsResponse(10, 8, 2, Map.of(Role.ADMIN, 1L, Role.USER, 9L), 4, 12.5));
    }
}
