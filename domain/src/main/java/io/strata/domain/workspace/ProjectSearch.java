package io.strata.domain.workspace;

import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.FilterOperator;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;
import java.util.EnumSet;

/** What clients may filter and sort projects by; {@code q} searches name and description. */
public final class ProjectSearch {
    public static final QuerySchema SCHEMA = QuerySchema.builder("projects")
            .text("name", true)
            .enumeration("status", ProjectStatus.class, false)
            .enumeration("priority", Priority.class, false)
            .comparable("ownerId", FieldType.UUID, false)
            /* projects that have this user among their members */
            .field("memberId", FieldType.UUID, EnumSet.of(FilterOperator.EQ), false)
            .textSet("tags")
            .comparable("startDate", FieldType.DATE, true)
            .comparable("dueDate", FieldType.DATE, true)
            .comparable("createdAt", FieldType.INSTANT, true)
            .comparable("updatedAt", FieldType.INSTANT, true)
            .defaultSort(SortOrder.desc("createdAt"))
            .build();

    private ProjectSearch() {}
}
