package io.strata.adapters.web.workspace;

import io.micronaut.core.annotation.Nullable;
import io.strata.domain.workspace.Priority;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Set;

/**
 * The patchable fields of a project, declared once: the JSON Merge Patch that {@code PATCH /api/v1/projects/{id}}
 * accepts ({@code MergePatch.of(body, ProjectPatchRequest.class)} rejects any other field) and its schema in the
 * OpenAPI document. The controller reads the body as a JSON tree so that absent and {@code null} differ.
 */
@Schema(
        name = "ProjectPatch",
        description = "JSON Merge Patch (RFC 7396): absent = unchanged, null = cleared. "
                + "status, members, ownerId, counters, version and timestamps are not patchable. budget is replaced as a "
                + "whole (amount and currency).")
public record ProjectPatchRequest(
        @Nullable String name,
        @Nullable String description,
        @Nullable Priority priority,
        @Nullable LocalDate startDate,
        @Nullable LocalDate dueDate,
        @Nullable BudgetRequest budget,
        @Nullable Set<String> tags) {}
