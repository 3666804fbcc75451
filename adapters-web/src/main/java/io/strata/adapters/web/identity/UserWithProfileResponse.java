package io.strata.adapters.web.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A user's fields plus {@code profile} (null when the user has none yet). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "UserWithProfile")
public record UserWithProfileResponse(
        @JsonUnwrapped UserResponse user, @Nullable ProfileResponse profile) {}
