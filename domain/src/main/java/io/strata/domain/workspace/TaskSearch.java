package io.strata.domain.workspace;

import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.FilterOperator;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;
import java.util.EnumSet;

/**
 * What clients may filter and sort tasks by; {@code q} searches title and description;
 * {@code overdue=is.true} means due before today and still open.
 */
public final class TaskSearch {
    public static final QuerySchema SCHEMA = QuerySchema.builder("tasks")
            .text("title", true)
            .enumeration("status", TaskStatus.class, false)
            .enumeration("priority", Priority.class, false)
            .comparable("assigneeId", FieldType.UUID, false)
            .comparable("projectId", FieldType.UUID, false)
            .field("overdue", FieldType.BOOLEAN, EnumSet.of(FilterOperator.IS, FilterOperator.EQ), false)
            .textSet("tags")
            .comparable("dueDate", FieldType.DATE, true)
            .comparable("createdAt", FieldType.INSTANT, true)
            .comparable("updatedAt", FieldType.INSTANT, true)
            .defaultSort(SortOrder.asc("createdAt"))
            .build();

    private TaskSearch() {}
}
