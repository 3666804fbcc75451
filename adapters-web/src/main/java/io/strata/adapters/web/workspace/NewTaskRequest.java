package io.strata.adapters.web.workspace;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** One initial task of {@code POST /api/v1/projects}. Unknown fields are rejected. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "NewTaskRequest",
        requiredProperties = {"title"})
public record NewTaskRequest(
        @Schema(description = "Client key other initial tasks may name in dependsOn", example = "design") @Nullable String key,

        @Schema(example = "Draft the design") @Nullable String title,
        @Nullable String description,

        @Schema(
                allowableValues = {"LOW", "MEDIUM", "HIGH", "CRITICAL"},
                defaultValue = "MEDIUM")
        @Nullable String priority,

        @Schema(description = "A member of the project (UUID)", format = "uuid") @Nullable String assigneeId,

        @Schema(description = "0 to 100000, at most 2 decimals", example = "8.5") @Nullable BigDecimal estimatedHours,

        @Schema(description = "YYYY-MM-DD") @Nullable LocalDate dueDate,
        @Nullable Set<String> tags,

        @Schema(description = "Initial tasks this one depends on: their key, or their position (\"0\", \"1\", ...)")
        @Nullable List<String> dependsOn) {}
