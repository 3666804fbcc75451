package io.strata.domain.content;

import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;

/** What clients may filter and sort their files by; {@code q} searches the name. */
public final class StoredFileSearch {
    public static final QuerySchema SCHEMA = QuerySchema.builder("files")
            .text("name", true)
            .text("mimeType", false)
            .enumeration("visibility", Visibility.class, false)
            .comparable("sizeBytes", FieldType.INTEGER, true)
            .comparable("createdAt", FieldType.INSTANT, true)
            .comparable("updatedAt", FieldType.INSTANT, true)
            .defaultSort(SortOrder.desc("createdAt"))
            .build();

    private StoredFileSearch() {}
}
