package io.strata.domain.workspace;

import java.math.BigDecimal;
import java.util.Map;

/** A project's progress, computed in SQL: counts by status, estimated vs worked hours, overdue tasks. */
public record ProjectProgress(
        ProjectId projectId,
        long total,
        Map<TaskStatus, Long> byStatus,
        BigDecimal estimatedHours,
        BigDecimal actualHours,
        long overdue,
        int completion) {
    public ProjectProgress {
        byStatus = Map.copyOf(byStatus);
    }
}
