package io.strata.application.shared;

import java.util.function.Consumer;

/**
 * One field of a merge patch: absent (leave as is) or present with a value (which may be null,
 * meaning "clear it", as RFC 7396 says).
 */
public record Change<T>(boolean present, T value) {
    private static final Change<?> ABSENT = new Change<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Change<T> absent() {
        return (Change<T>) ABSENT;
    }

    public static <T> Change<T> to(T value) {
        return new Change<>(true, value);
    }

    public void ifPresent(Consumer<T> action) {
        if (present) {
            action.accept(value);
        }
    }
}
