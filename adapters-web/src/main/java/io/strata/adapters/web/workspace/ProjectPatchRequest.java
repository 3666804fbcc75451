package io.strata.adapters.web.workspace;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Set;

/**
 * Documentation only: the JSON Merge Patch accepted by {@code PATCH /api/v1/projects/{id}} (the
 * controller reads the body as a JSON tree so that absent and {@code null} differ).
 */
@Schema(name = "ProjectPatch", description = "JSON Merge Patch (RFC 7396): absent = unchanged, null = cleared. "
        + "status, members, ownerId, counters, version and timestamps are not patchable. budget is replaced as a "
        + "whole (amount and currency).")
public record ProjectPatchRequest(
        @Nullable String name,
        @Nullable String description,
        @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH", "CRITICAL"}) @Nullable String priority,
        @Nullable LocalDate startDate,
        @Nullable LocalDate dueDate,
        @Nullable BudgetRequest budget,
        @Nullable Set<String> tags) {
}
