package io.strata.domain.shared.query;

import java.util.Objects;

/** One allow-listed sort key. */
public record SortOrder(String field, boolean descending) {
    public SortOrder {
        Objects.requireNonNull(field, "field");
    }

    public static SortOrder asc(String field) {
        return new SortOrder(field, false);
    }

    public static SortOrder desc(String field) {
        return new SortOrder(field, true);
    }

    @Override
    public String toString() {
        return (descending ? "-" : "") + field;
    }
}
