package io.strata.domain.ai;

import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;

/** What clients may filter and sort interactions by; {@code occurredAt=gte.X&occurredAt=lt.Y} is a date range. */
public final class AiInteractionSearch {
    public static final QuerySchema SCHEMA = QuerySchema.builder("ai interactions")
            .text("model", true)
            .text("module", true)
            .enumeration("status", InteractionStatus.class, false)
            .enumeration("costSource", CostSource.class, false)
            .comparable("userId", FieldType.UUID, false)
            .comparable("latencyMs", FieldType.INTEGER, true)
            .comparable("occurredAt", FieldType.INSTANT, true)
            .defaultSort(SortOrder.desc("occurredAt"))
            .build();

    private AiInteractionSearch() {}
}
