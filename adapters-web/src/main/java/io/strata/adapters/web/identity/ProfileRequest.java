package io.strata.adapters.web.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** Body of {@code PUT /api/v1/users/{id}/profile}: replaces every field (absent = cleared). */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "ProfileRequest")
public record ProfileRequest(
        @Schema(description = "Up to 2000 characters") @Nullable String bio,

        @Schema(description = "Absolute http(s) URL", format = "uri") @Nullable String avatarUrl,

        @Nullable Map<String, Object> preferences) {}
