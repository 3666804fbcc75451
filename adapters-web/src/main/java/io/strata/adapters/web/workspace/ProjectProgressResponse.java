package io.strata.adapters.web.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** A project's progress: task counts by status, hours, overdue tasks. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ProjectProgress")
public record ProjectProgressResponse(
        UUID projectId,
        @Schema(description = "Number of tasks") long total,

        @Schema(
                description = "Tasks per status; every status is present (0 when none)",
                example = "{\"TODO\": 3, \"IN_PROGRESS\": 1, \"BLOCKED\": 0, \"DONE\": 4, \"CANCELLED\": 0}")
        Map<String, Long> byStatus,

        @Schema(description = "Sum of the tasks' estimates") BigDecimal estimatedHours,
        @Schema(description = "Sum of the hours worked") BigDecimal actualHours,
        @Schema(description = "Open tasks due before today") long overdue,

        @Schema(description = "Percent of DONE tasks among all but CANCELLED ones (0-100)")
        int completion) {}
