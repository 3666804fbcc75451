package io.strata.adapters.web.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.adapters.web.shared.PageResponse;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A project's fields plus {@code tasks}: the first page of its tasks ({@code GET /api/v1/projects/{id}?include=tasks});
 * {@code tasks.page.nextCursor} continues at {@code /api/v1/projects/{id}/tasks?cursor=}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ProjectWithTaskPage")
public record ProjectWithTaskPageResponse(
        @JsonUnwrapped ProjectResponse project,

        @Schema(description = "First page of the project's tasks (default order: createdAt)")
        PageResponse<TaskResponse> tasks) {}
