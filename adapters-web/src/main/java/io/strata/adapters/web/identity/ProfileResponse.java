package io.strata.adapters.web.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Profile")
public record ProfileResponse(
        UUID id,
        UUID userId,
        @Nullable String bio,
        @Nullable String avatarUrl,
        Map<String, Object> preferences,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
