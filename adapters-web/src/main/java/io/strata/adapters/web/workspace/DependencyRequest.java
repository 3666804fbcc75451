package io.strata.adapters.web.workspace;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/tasks/{id}/dependencies}: the task of the same project to depend on. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "DependencyRequest",
        requiredProperties = {"taskId"})
public record DependencyRequest(
        @Schema(format = "uuid") @Nullable String taskId) {}
