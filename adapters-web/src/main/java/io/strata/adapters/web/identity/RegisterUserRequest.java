package io.strata.adapters.web.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.Set;

/** Body of {@code POST /api/v1/users}. Unknown fields are rejected. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "RegisterUserRequest",
        requiredProperties = {"email", "username", "password"})
public record RegisterUserRequest(
        @Schema(example = "ada@example.com") @Nullable String email,

        @Schema(description = "3 to 50 of a-z, 0-9, '_', '.', '-'", example = "ada") @Nullable String username,

        @Schema(description = "8 to 128 characters", format = "password") @Nullable String password,

        @Nullable String firstName,
        @Nullable String lastName,

        @Schema(
                description = "Only an ADMIN may register another role than USER",
                allowableValues = {"ADMIN", "MANAGER", "USER", "GUEST"})
        @Nullable String role,

        @Nullable Set<String> tags,
        @Nullable Map<String, Object> preferences) {

    @Override
    public String toString() {
        return "RegisterUserRequest[email=" + email + ", username=" + username + "]";
    }
}
