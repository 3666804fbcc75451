package io.strata.adapters.web.plugins;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/plugins/{id}/violations/{violationId}/dismiss}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "DismissViolationRequest",
        requiredProperties = {"reason"})
public record DismissViolationRequest(
        @Schema(example = "false positive: the step is sandboxed") @Nullable String reason) {}
