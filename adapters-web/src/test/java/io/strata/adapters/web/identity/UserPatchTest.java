package io.strata.adapters.web.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.strata.application.identity.UserPatch;
import io.strata.application.shared.Change;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Role;
import org.junit.jupiter.api.Test;

/** The user merge patch: exactly the fields {@link UserPatchRequest} declares, each read with its type. */
class UserPatchTest {
    private final ObjectMapper json = ObjectMapper.getDefault();

    private UserPatch patch(String body) throws Exception {
        return UserController.userPatch(json.readValue(body, JsonNode.class));
    }

    @Test
    void readsEveryDeclaredField() throws Exception {
        assertThat(patch("{}"))
                .isEqualTo(new UserPatch(
                        Change.absent(),
                        Change.absent(),
                        Change.absent(),
                        Change.absent(),
                        Change.absent(),
                        Change.absent()));
        UserPatch patch = patch("{\"firstName\":\"Ada\",\"lastName\":null,\"tags\":[\"a\"],\"preferences\":{},"
                + "\"role\":\"manager\",\"status\":\"INACTIVE\"}");
        assertThat(patch.firstName()).isEqualTo(Change.to("Ada"));
        assertThat(patch.lastName()).isEqualTo(Change.to(null));
        assertThat(patch.tags().value()).containsExactly("a");
        assertThat(patch.preferences().value()).isEmpty();
        assertThat(patch.role()).isEqualTo(Change.to(Role.MANAGER));
        assertThat(patch.status()).isEqualTo(Change.to(UserStatus.INACTIVE));
    }

    @Test
    void rejectsEveryOtherFieldNamingTheDeclaredOnes() {
        assertThatThrownBy(() -> patch("{\"email\":\"x@example.test\"}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("patchable fields: firstName, lastName, preferences, role, status, tags");
    }
}
