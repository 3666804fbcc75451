package io.strata.adapters.web.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.user.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A user as clients see it. There is no password hash here, nor anywhere in the web adapter. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "User")
public record UserResponse(
        UUID id,
        String email,
        String username,
        @Nullable String firstName,
        @Nullable String lastName,

        @Schema(description = "First and last name, or the username when both are empty")
        String fullName,

        Role role,
        UserStatus status,
        boolean emailVerified,
        @Nullable Instant emailVerifiedAt,
        @Nullable Instant passwordChangedAt,
        @Nullable Instant lastLoginAt,
        long loginCount,
        Set<String> tags,
        Map<String, Object> preferences,

        @Schema(description = "Optimistic-lock version; also sent as the ETag")
        long version,

        Instant createdAt,
        Instant updatedAt) {}
