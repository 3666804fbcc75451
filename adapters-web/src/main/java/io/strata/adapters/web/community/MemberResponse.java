package io.strata.adapters.web.community;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A guild member; {@code cases} only with {@code ?include=cases}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Member")
public record MemberResponse(
        @Schema(description = "The chat platform's user id") long userId,
        String username,
        long points,
        long messageCount,
        @Nullable Instant lastActiveAt,
        boolean active,

        @Schema(description = "Optimistic-lock version; also sent as the ETag")
        long version,

        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "The member's cases, oldest first (only with include=cases)") @Nullable List<CaseResponse> cases) {}
