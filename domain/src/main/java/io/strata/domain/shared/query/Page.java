package io.strata.domain.shared.query;

import java.util.List;
import java.util.function.Function;

/** A slice of a list: the items, the cursor for the next slice (null at the end), and an optional total. */
public record Page<T>(List<T> items, String nextCursor, Long total, int limit) {
    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor, total, limit);
    }
}
