package io.strata.adapters.web.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;

/** Body of {@code POST /api/v1/sessions}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "LoginRequest",
        requiredProperties = {"email", "password"})
public record LoginRequest(
        @NotBlank @Schema(example = "ada@example.com") @Nullable String email,

        @NotBlank @Schema(format = "password") @Nullable String password,

        @Schema(description = "Free-form description of the client device") @Nullable Map<String, Object> deviceInfo) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
