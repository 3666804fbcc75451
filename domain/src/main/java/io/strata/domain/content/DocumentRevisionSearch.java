package io.strata.domain.content;

import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;

/** What clients may filter and sort a document's revisions by; newest first by default. */
public final class DocumentRevisionSearch {
    public static final QuerySchema SCHEMA = QuerySchema.builder("document-revisions")
            .comparable("revision", FieldType.INTEGER, true)
            .comparable("authorId", FieldType.UUID, false)
            .comparable("createdAt", FieldType.INSTANT, true)
            .defaultSort(SortOrder.desc("revision"))
            .build();

    private DocumentRevisionSearch() {}
}
