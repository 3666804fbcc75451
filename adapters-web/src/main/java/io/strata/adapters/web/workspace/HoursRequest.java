package io.strata.adapters.web.workspace;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** Body of {@code POST /api/v1/tasks/{id}/hours}: hours worked, added to the task's actualHours. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "HoursRequest",
        requiredProperties = {"hours"})
public record HoursRequest(
        @Schema(description = "More than 0, at most 1000, at most 2 decimals", example = "1.5") @Nullable BigDecimal hours) {}
