package io.strata.adapters.web.workspace;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * Documentation only: the JSON Merge Patch accepted by {@code PATCH /api/v1/tasks/{id}} (the
 * controller reads the body as a JSON tree so that absent and {@code null} differ).
 */
@Schema(name = "TaskPatch", description = "JSON Merge Patch (RFC 7396): absent = unchanged, null = cleared. "
        + "assigneeId assigns (a project member) or unassigns (null). status, hours worked and dependencies have "
        + "their own endpoints.")
public record TaskPatchRequest(
        @Nullable String title,
        @Nullable String description,
        @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH", "CRITICAL"}) @Nullable String priority,
        @Nullable BigDecimal estimatedHours,
        @Nullable LocalDate dueDate,
        @Nullable Set<String> tags,
        @Schema(format = "uuid") @Nullable String assigneeId) {
}
