package io.strata.adapters.web.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/users/me/password}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "ChangePasswordRequest",
        requiredProperties = {"currentPassword", "newPassword"})
public record ChangePasswordRequest(
        @NotNull @Schema(format = "password") @Nullable String currentPassword,

        @NotNull @Schema(format = "password", description = "8 to 128 characters") @Nullable String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordRequest[***]";
    }
}
