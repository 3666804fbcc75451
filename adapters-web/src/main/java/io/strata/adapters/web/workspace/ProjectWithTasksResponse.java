package io.strata.adapters.web.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A newly created project's fields plus {@code tasks}: the initial tasks created with it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ProjectWithTasks")
public record ProjectWithTasksResponse(
        @JsonUnwrapped ProjectResponse project,

        @Schema(description = "The initial tasks, in request order")
        List<TaskResponse> tasks) {}
