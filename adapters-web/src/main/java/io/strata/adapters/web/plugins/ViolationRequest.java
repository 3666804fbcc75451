package io.strata.adapters.web.plugins;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/plugins/{id}/violations}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "ViolationRequest",
        requiredProperties = {"check", "severity"})
public record ViolationRequest(
        @Schema(example = "Dangerous-Workflow") @Nullable String check,

        @Schema(
                example = "HIGH",
                allowableValues = {"LOW", "MEDIUM", "HIGH", "CRITICAL"})
        @Nullable String severity,

        @Schema(example = "workflow runs untrusted code with write permissions") @Nullable String evidence) {}
