package io.strata.adapters.web.workspace;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Body of {@code POST /api/v1/projects/{id}/tasks}. Unknown fields are rejected. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "AddTaskRequest",
        requiredProperties = {"title"})
public record AddTaskRequest(
        @Schema(example = "Write the release notes") @Nullable String title,

        @Nullable String description,

        @Schema(
                allowableValues = {"LOW", "MEDIUM", "HIGH", "CRITICAL"},
                defaultValue = "MEDIUM")
        @Nullable String priority,

        @Schema(description = "A member of the project (UUID)", format = "uuid") @Nullable String assigneeId,

        @Schema(description = "0 to 100000, at most 2 decimals", example = "8.5") @Nullable BigDecimal estimatedHours,

        @Schema(description = "YYYY-MM-DD") @Nullable LocalDate dueDate,
        @Nullable Set<String> tags,

        @ArraySchema(
                schema = @Schema(format = "uuid"),
                arraySchema = @Schema(description = "Ids of tasks of the same project this one depends on"))
        @Nullable List<String> dependsOn) {}
