package io.strata.domain.shared.query;

import io.strata.domain.shared.error.ValidationException;
import java.util.List;

/**
 * Which slice of a list to read. Keyset paging (the default) continues after an opaque
 * {@code cursor}; offset paging is used when {@code offset} is set. {@code sort} is already
 * allow-listed; adapters append the id as a final tie-breaker so the order is total. {@code total}
 * says whether the page carries the number of matches.
 */
public record PageRequest(int limit, String cursor, Integer offset, List<SortOrder> sort, TotalCount total) {
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (offset != null && offset < 0) {
            throw new ValidationException("page", "must be 1 or more");
        }
        if (offset != null && cursor != null) {
            throw new ValidationException("cursor", "cannot be combined with page/size paging");
        }
        sort = List.copyOf(sort);
        total = total == null ? TotalCount.NONE : total;
    }

    public static PageRequest first(int limit, List<SortOrder> sort) {
        return new PageRequest(limit, null, null, sort, TotalCount.NONE);
    }

    public boolean isKeyset() {
        return offset == null;
    }
}
