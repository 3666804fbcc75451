package io.strata.adapters.web.workspace;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST .../status}: the status to move to (projects and tasks). */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "StatusRequest",
        requiredProperties = {"status"})
public record StatusRequest(
        @Schema(example = "ACTIVE") @Nullable String status) {}
