package io.strata.domain.ai;

import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;

/** What clients may filter and sort the price book by. */
public final class ModelPriceSearch {
    public static final QuerySchema SCHEMA = QuerySchema.builder("model prices")
            .text("model", true)
            .comparable("effectiveFrom", FieldType.INSTANT, true)
            .defaultSort(SortOrder.asc("model"), SortOrder.desc("effectiveFrom"))
            .build();

    private ModelPriceSearch() {}
}
