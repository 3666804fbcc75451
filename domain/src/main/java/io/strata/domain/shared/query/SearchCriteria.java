package io.strata.domain.shared.query;

import java.util.List;

/** Allow-listed filters plus an optional free-text {@code q}. */
public record SearchCriteria(List<Filter> filters, String text) {
    public SearchCriteria {
        filters = List.copyOf(filters);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public static SearchCriteria none() {
        return new SearchCriteria(List.of(), null);
    }
}
