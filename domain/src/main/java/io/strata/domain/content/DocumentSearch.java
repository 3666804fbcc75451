package io.strata.domain.content;

import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;

/** What clients may filter and sort documents by (mine and shared with me); {@code q} searches the title. */
public final class DocumentSearch {
    public static final QuerySchema SCHEMA = QuerySchema.builder("documents")
            .text("title", true)
            .enumeration("kind", DocumentKind.class, false)
            .comparable("revision", FieldType.INTEGER, false)
            .comparable("createdAt", FieldType.INSTANT, true)
            .comparable("updatedAt", FieldType.INSTANT, true)
            .defaultSort(SortOrder.desc("updatedAt"))
            .build();

    private DocumentSearch() {}
}
