package io.strata.adapters.web.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The answer to a login: the only place a bearer token ever appears. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Login")
public record LoginResponse(
        @Schema(description = "Opaque bearer token; send it as Authorization: Bearer <token>")
        String token,

        @Schema(example = "Bearer") String tokenType,
        Instant expiresAt,
        SessionResponse session,
        UserResponse user) {

    @Override
    public String toString() {
        return "LoginResponse[token=***, session=" + session.id() + "]";
    }
}
