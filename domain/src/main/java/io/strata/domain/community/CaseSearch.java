package io.strata.domain.community;

import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.FilterOperator;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;
import java.util.EnumSet;

/** What clients may filter and sort a guild's moderation cases by. */
public final class CaseSearch {
    public static final QuerySchema SCHEMA = QuerySchema.builder("cases")
            .enumeration("type", CaseType.class, false)
            .field("active", FieldType.BOOLEAN, EnumSet.of(FilterOperator.EQ), false)
            .field("moderatorId", FieldType.INTEGER, EnumSet.of(FilterOperator.EQ, FilterOperator.IN), false)
            .field("memberId", FieldType.INTEGER, EnumSet.of(FilterOperator.EQ, FilterOperator.IN), false)
            .comparable("number", FieldType.INTEGER, true)
            .defaultSort(SortOrder.desc("number"))
            .build();

    private CaseSearch() {}
}
