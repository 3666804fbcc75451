package io.strata.adapters.web.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.TaskStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A task as clients see it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Task")
public record TaskResponse(
        UUID id,
        UUID projectId,
        String title,
        @Nullable String description,
        TaskStatus status,
        Priority priority,
        @Nullable UUID assigneeId,
        @Nullable BigDecimal estimatedHours,
        @Schema(description = "Hours worked so far") BigDecimal actualHours,
        @Nullable LocalDate dueDate,
        Set<String> tags,

        @Schema(description = "Ids of the tasks (same project) this one depends on")
        Set<UUID> dependsOn,

        @Nullable Instant completedAt,

        @Schema(description = "Optimistic-lock version; also sent as the ETag")
        long version,

        Instant createdAt,
        Instant updatedAt) {}
