package io.strata.adapters.web.community;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** A guild's configuration as clients see it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "GuildConfig")
public record GuildConfigResponse(
        @Schema(description = "The chat platform's guild id")
        long guildId,

        @Nullable String name,

        @Schema(description = "Command prefix", example = "!")
        String prefix,

        @Schema(description = "Free settings (a JSON object)")
        Map<String, Object> settings,

        @Schema(description = "No member's balance may exceed it")
        long maxPoints,

        @Schema(description = "Optimistic-lock version; also sent as the ETag")
        long version,

        Instant createdAt,
        Instant updatedAt) {}
