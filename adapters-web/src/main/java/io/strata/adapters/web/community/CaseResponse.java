package io.strata.adapters.web.community;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.community.CaseType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A moderation case as clients see it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Case")
public record CaseResponse(
        @Schema(description = "1, 2, ... per guild") long number,
        @Schema(description = "The member's user id") long userId,
        CaseType type,
        @Nullable String reason,
        @Schema(description = "The moderator's user id") long moderatorId,
        boolean active,
        @Nullable Instant expiresAt,
        @Nullable Instant resolvedAt,

        @Schema(description = "Optimistic-lock version; also sent as the ETag")
        long version,

        Instant createdAt,
        Instant updatedAt) {}
