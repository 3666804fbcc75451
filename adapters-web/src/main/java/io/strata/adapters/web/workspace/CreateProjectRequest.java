package io.strata.adapters.web.workspace;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Body of {@code POST /api/v1/projects}: a project and its initial tasks. Unknown fields are rejected. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "CreateProjectRequest",
        requiredProperties = {"name"})
public record CreateProjectRequest(
        @Schema(example = "Website relaunch") @Nullable String name,
        @Nullable String description,

        @Schema(
                allowableValues = {"LOW", "MEDIUM", "HIGH", "CRITICAL"},
                defaultValue = "MEDIUM")
        @Nullable String priority,

        @ArraySchema(
                schema = @Schema(format = "uuid"),
                arraySchema = @Schema(description = "User ids; the caller (owner) is always a member"))
        @Nullable List<String> members,

        @Schema(description = "YYYY-MM-DD") @Nullable LocalDate startDate,

        @Schema(description = "YYYY-MM-DD, not before startDate") @Nullable LocalDate dueDate,

        @Nullable BudgetRequest budget,
        @Nullable Set<String> tags,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description =
                                        "Initial tasks (up to 500), created with the project: all or " + "nothing"))
        @Nullable List<NewTaskRequest> tasks) {}
