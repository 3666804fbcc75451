package io.strata.domain.shared.query;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The allow-list of a searchable resource: which fields may be filtered (with which operators and
 * value type) and sorted, and the default order. Adapters read their own syntax into typed
 * {@link Filter}s and {@link SortOrder}s against it (the web adapter's query grammar) and translate
 * only allow-listed fields into queries (the persistence adapter).
 */
public final class QuerySchema {
    private static final Set<FilterOperator> COMPARABLE = EnumSet.of(
            FilterOperator.EQ,
            FilterOperator.NEQ,
            FilterOperator.GT,
            FilterOperator.GTE,
            FilterOperator.LT,
            FilterOperator.LTE,
            FilterOperator.IN,
            FilterOperator.IS);

    private final String resource;
    private final Map<String, QueryField> fields;
    private final List<SortOrder> defaultSort;

    private QuerySchema(String resource, Map<String, QueryField> fields, List<SortOrder> defaultSort) {
        this.resource = resource;
        this.fields = Map.copyOf(fields);
        this.defaultSort = List.copyOf(defaultSort);
    }

    public static Builder builder(String resource) {
        return new Builder(resource);
    }

    public String resource() {
        return resource;
    }

    public List<SortOrder> defaultSort() {
        return defaultSort;
    }

    public QueryField field(String name) {
        return fields.get(name);
    }

    public Set<String> filterableFields() {
        return fields.values().stream()
                .filter(f -> !f.operators().isEmpty())
                .map(QueryField::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public Set<String> sortableFields() {
        return fields.values().stream()
                .filter(QueryField::sortable)
                .map(QueryField::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Fluent allow-list definition; see {@code UserSearch.SCHEMA} for an example. */
    public static final class Builder {
        private final String resource;
        private final Map<String, QueryField> fields = new LinkedHashMap<>();
        private List<SortOrder> defaultSort = List.of();

        private Builder(String resource) {
            this.resource = resource;
        }

        public Builder field(String name, FieldType type, Collection<FilterOperator> ops, boolean sortable) {
            fields.put(name, new QueryField(name, type, Set.copyOf(ops), sortable, null));
            return this;
        }

        /** A comparable field (eq, neq, gt, gte, lt, lte, in, is). */
        public Builder comparable(String name, FieldType type, boolean sortable) {
            return field(name, type, COMPARABLE, sortable);
        }

        /** A text field: comparable plus like/ilike. */
        public Builder text(String name, boolean sortable) {
            Set<FilterOperator> ops = EnumSet.copyOf(COMPARABLE);
            ops.add(FilterOperator.LIKE);
            ops.add(FilterOperator.ILIKE);
            return field(name, FieldType.TEXT, ops, sortable);
        }

        public Builder enumeration(String name, Class<? extends Enum<?>> type, boolean sortable) {
            fields.put(
                    name,
                    new QueryField(
                            name,
                            FieldType.ENUM,
                            EnumSet.of(FilterOperator.EQ, FilterOperator.NEQ, FilterOperator.IN),
                            sortable,
                            type));
            return this;
        }

        /** A set of strings filtered with {@code cs} (contains all). */
        public Builder textSet(String name) {
            return field(name, FieldType.TEXT_SET, EnumSet.of(FilterOperator.CS), false);
        }

        /** A JSON object filtered with {@code cs} (contains the given JSON object, {@code @>}). */
        public Builder jsonObject(String name) {
            return field(name, FieldType.JSON_OBJECT, EnumSet.of(FilterOperator.CS), false);
        }

        public Builder defaultSort(SortOrder... orders) {
            this.defaultSort = List.of(orders);
            return this;
        }

        public QuerySchema build() {
            return new QuerySchema(resource, fields, defaultSort);
        }
    }
}
