package io.strata.adapters.web.community;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST .../cases/{number}/resolve} and {@code PUT .../cases/{number}/reason}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "CaseChangeRequest",
        requiredProperties = {"moderatorId"})
public record CaseChangeRequest(
        @Schema(description = "The moderator's user id") @Nullable Long moderatorId,

        @Schema(description = "The new reason (reason edits only; null clears it)") @Nullable String reason) {}
