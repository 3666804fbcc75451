package io.strata.domain.community;

import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.FilterOperator;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;
import java.util.EnumSet;

/** What clients may filter and sort a guild's members by; top members are {@code sort=-points} or {@code -messageCount}. */
public final class MemberSearch {
    public static final QuerySchema SCHEMA = QuerySchema.builder("members")
            .text("username", false)
            .comparable("points", FieldType.INTEGER, true)
            .comparable("messageCount", FieldType.INTEGER, true)
            .field("active", FieldType.BOOLEAN, EnumSet.of(FilterOperator.EQ), false)
            /* members with at least one active moderation case */
            .field("hasActiveCase", FieldType.BOOLEAN, EnumSet.of(FilterOperator.EQ), false)
            .comparable("createdAt", FieldType.INSTANT, true)
            .defaultSort(SortOrder.desc("points"))
            .build();

    private MemberSearch() {}
}
