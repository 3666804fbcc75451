package io.strata.adapters.web.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.exceptions.SerdeException;
import io.strata.domain.identity.EmailVerification;
import io.strata.domain.identity.LoginHistory;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserWithProfile;
import io.strata.domain.shared.model.AuditStamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON the web adapter reads and writes, through Micronaut Serialization as the server uses it. */
class JsonShapeTest {
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private final ObjectMapper json = ObjectMapper.getDefault();
    private final UserWebMapper mapper = new UserWebMapperImpl();

    private Map<String, Object> write(Object value) throws Exception {
        return json.readValue(json.writeValueAsString(value), MAP);
    }

    @Test
    void requestRecordsRejectUnknownFields() {
        assertThatThrownBy(() -> json.readValue("{\"email\":\"a@b.c\",\"isAdmin\":true}", RegisterUserRequest.class))
                .isInstanceOf(SerdeException.class)
                .hasMessageContaining("Unknown property [isAdmin]");
        assertThatThrownBy(() -> json.readValue("{\"email\":\"a@b.c\",\"password\":\"x\",\"x\":1}", LoginRequest.class))
                .isInstanceOf(SerdeException.class);
        assertThatThrownBy(() -> json.readValue("{\"bio\":\"b\",\"id\":1}", ProfileRequest.class))
                .isInstanceOf(SerdeException.class);
        assertThatThrownBy(() -> json.readValue("{\"ids\":[],\"x\":1}", BulkUpdateUsersRequest.class))
                .isInstanceOf(SerdeException.class);
        assertThatThrownBy(() -> json.readValue("{\"newPassword\":\"p\",\"x\":1}", ChangePasswordRequest.class))
                .isInstanceOf(SerdeException.class);
    }

    @Test
    void userJsonHasEveryFieldIncludingNullsAndEmptiesAndIsoInstants() throws Exception {
        User user = IdentityFixtures.user();
        Map<String, Object> body = write(mapper.toResponse(user));
        assertThat(body)
                .containsOnlyKeys(
                        "id",
                        "email",
                        "username",
                        "firstName",
                        "lastName",
                        "fullName",
                        "role",
                        "status",
                        "emailVerified",
                        "emailVerifiedAt",
                        "passwordChangedAt",
                        "lastLoginAt",
                        "loginCount",
                        "tags",
                        "preferences",
                        "version",
                        "createdAt",
                        "updatedAt");
        assertThat(body.get("createdAt")).isEqualTo("2026-01-01T10:00:00.123456Z");
        assertThat(body.get("role")).isEqualTo("MANAGER");

        User bare = User.reconstitute(
                user.id(),
                user.email(),
                user.username(),
                null,
                null,
                user.role(),
                user.status(),
                EmailVerification.NOT_VERIFIED,
                null,
                LoginHistory.NONE,
                null,
                null,
                new AuditStamp(0, user.createdAt(), user.updatedAt()));
        Map<String, Object> sparse = write(mapper.toResponse(bare));
        assertThat(sparse)
                .containsEntry("firstName", null)
                .containsEntry("lastLoginAt", null)
                .containsEntry("tags", List.of())
                .containsEntry("preferences", Map.of())
                .containsEntry("loginCount", 0)
                .containsEntry("emailVerified", false);
    }

    @Test
    void userWithProfileIsTheUserFieldsPlusProfile() throws Exception {
        User user = IdentityFixtures.user();
        Map<String, Object> body =
                write(mapper.toResponse(new UserWithProfile(user, IdentityFixtures.profile(user.id()))));
        assertThat(body).containsKeys("id", "email", "username", "version", "profile");
        assertThat(body).doesNotContainKey("user");
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) body.get("profile");
        assertThat(profile).containsEntry("bio", "Mathematician");

        Map<String, Object> without = write(mapper.toResponse(new UserWithProfile(user, null)));
        assertThat(without).containsEntry("profile", null).containsKey("email");
    }
}
