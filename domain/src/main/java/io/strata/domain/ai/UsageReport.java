package io.strata.domain.ai;

import java.util.List;

/** The groups of a usage report in key order, and the total over all of them (null when nothing matched). */
public record UsageReport(UsageQuery query, List<UsageRow> groups, UsageRow total) {
    public UsageReport {
        groups = List.copyOf(groups);
    }
}
