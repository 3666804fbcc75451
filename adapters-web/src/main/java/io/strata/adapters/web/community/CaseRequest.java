package io.strata.adapters.web.community;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST .../cases}: a moderator opens a case against a member. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "CaseRequest",
        requiredProperties = {"userId", "type", "moderatorId"})
public record CaseRequest(
        @Schema(description = "The member's user id") @Nullable Long userId,

        @Schema(
                example = "WARN",
                allowableValues = {"WARN", "MUTE", "KICK", "BAN", "NOTE"})
        @Nullable String type,

        @Nullable String reason,

        @Schema(description = "The moderator's user id") @Nullable Long moderatorId,

        @Schema(description = "When a MUTE or BAN ends; in the future") @Nullable Instant expiresAt) {}
