package io.strata.adapters.web.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.ProjectStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A project as clients see it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Project")
public record ProjectResponse(
        UUID id,
        String name,
        @Nullable String description,
        ProjectStatus status,
        Priority priority,
        UUID ownerId,

        @Schema(description = "User ids of the members; the owner is always one")
        Set<UUID> members,

        @Nullable LocalDate startDate,
        @Nullable LocalDate dueDate,
        @Nullable BudgetResponse budget,
        Set<String> tags,
        @Schema(description = "Number of tasks") long taskCount,

        @Schema(description = "Percent of DONE tasks among all but CANCELLED ones (0-100)")
        int completion,

        @Schema(description = "Optimistic-lock version; also sent as the ETag")
        long version,

        Instant createdAt,
        Instant updatedAt) {}
