package io.strata.domain.plugins;

import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;

/**
 * What plugins may be filtered and sorted by: status, type, {@code permissions=cs.{a,b}} (has all of them),
 * {@code config=cs.{"enabled":true}} (JSON containment, served by a GIN index), score and dates; {@code q}
 * searches slug, name and description.
 */
public final class PluginSearch {
    public static final QuerySchema SCHEMA = QuerySchema.builder("plugins")
            .text("slug", true)
            .text("name", true)
            .enumeration("status", PluginStatus.class, false)
            .enumeration("type", PluginType.class, false)
            .text("author", false)
            .textSet("permissions")
            .jsonObject("config")
            .comparable("securityScore", FieldType.INTEGER, true)
            .comparable("installedAt", FieldType.INSTANT, true)
            .comparable("createdAt", FieldType.INSTANT, true)
            .comparable("updatedAt", FieldType.INSTANT, true)
            .defaultSort(SortOrder.asc("slug"))
            .build();

    private PluginSearch() {}
}
