package io.strata.adapters.web.workspace;

import io.micronaut.core.annotation.Nullable;
import io.strata.domain.workspace.Priority;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The patchable fields of a task, declared once: the JSON Merge Patch that {@code PATCH /api/v1/tasks/{id}}
 * accepts ({@code MergePatch.of(body, TaskPatchRequest.class)} rejects any other field) and its schema in the
 * OpenAPI document. The controller reads the body as a JSON tree so that absent and {@code null} differ.
 */
@Schema(
        name = "TaskPatch",
        description = "JSON Merge Patch (RFC 7396): absent = unchanged, null = cleared. "
                + "assigneeId assigns (a project member) or unassigns (null). status, hours worked and dependencies have "
                + "their own endpoints.")
public record TaskPatchRequest(
        @Nullable String title,
        @Nullable String description,
        @Nullable Priority priority,
        @Nullable BigDecimal estimatedHours,
        @Nullable LocalDate dueDate,
        @Nullable Set<String> tags,
        @Nullable UUID assigneeId) {}
