package io.strata.adapters.persistence.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The per-call values a {@link CriteriaSearch} passes to its filter and text translators (e.g. the
 * {@code today} an {@code overdue} filter compares with), so the search itself can be a constant built
 * once. Values are read by typed {@link Key}s; translators bind them as query parameters
 * ({@code where.parameters().bind(...)}), so a bound translator's calls share one translated statement.
 *
 * <pre>{@code
 * static final SearchContext.Key<LocalDate> TODAY = SearchContext.key("today", LocalDate.class);
 * ... .boundFilter("overdue", (where, filter) -> overdue(where, filter, where.context().get(TODAY))) ...
 * SEARCH.search(entityManager, criteria, page, scope, SearchContext.of(TODAY, today));
 * }</pre>
 */
public final class SearchContext {
    private static final SearchContext EMPTY = new SearchContext(Map.of());

    /** A named, typed entry of a {@link SearchContext}; compared by identity. */
    public static final class Key<T> {
        private final String name;
        private final Class<T> type;

        private Key(String name, Class<T> type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return name + ":" + type.getSimpleName();
        }
    }

    private final Map<Key<?>, Object> values;

    private SearchContext(Map<Key<?>, Object> values) {
        this.values = values;
    }

    public static <T> Key<T> key(String name, Class<T> type) {
        return new Key<>(name, type);
    }

    /** No values: what the searches without per-call values get. */
    public static SearchContext empty() {
        return EMPTY;
    }

    public static <T> SearchContext of(Key<T> key, T value) {
        return EMPTY.with(key, value);
    }

    /** A copy with {@code key} set to {@code value} (not null). */
    public <T> SearchContext with(Key<T> key, T value) {
        Objects.requireNonNull(key, "key");
        Map<Key<?>, Object> copy = new HashMap<>(values);
        copy.put(key, key.type.cast(Objects.requireNonNull(value, key.name)));
        return new SearchContext(Map.copyOf(copy));
    }

    /** The value of {@code key}; a search called without it is a programming error. */
    public <T> T get(Key<T> key) {
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("this search needs '" + key.name + "' in its SearchContext");
        }
        return key.type.cast(value);
    }

    public boolean has(Key<?> key) {
        return values.containsKey(key);
    }

    @Override
    public String toString() {
        return "SearchContext" + values;
    }
}
