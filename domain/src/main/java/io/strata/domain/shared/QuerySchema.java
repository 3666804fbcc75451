package io.strata.domain.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The allow-list of a searchable resource: which fields may be filtered (with which operators) and
 * sorted. It also reads the platform's text grammar ({@code op.value}, {@code -a,b}) into typed
 * {@link Filter}s and {@link SortOrder}s, so every adapter and every context speaks one grammar.
 * Anything outside the allow-list is a {@link ValidationException} that names what is allowed.
 */
public final class QuerySchema {
    private static final Set<FilterOperator> COMPARABLE = EnumSet.of(
            FilterOperator.EQ, FilterOperator.NEQ, FilterOperator.GT, FilterOperator.GTE,
            FilterOperator.LT, FilterOperator.LTE, FilterOperator.IN, FilterOperator.IS);

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
        return fields.values().stream().filter(f -> !f.operators().isEmpty()).map(QueryField::name)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public Set<String> sortableFields() {
        return fields.values().stream().filter(QueryField::sortable).map(QueryField::name)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Reads {@code op.value} for {@code field}, e.g. {@code eq.ACTIVE}, {@code in.a,b}, {@code is.null}. */
    public Filter parseFilter(String fieldName, String expression) {
        QueryField field = fields.get(fieldName);
        if (field == null || field.operators().isEmpty()) {
            throw new ValidationException(fieldName, "unknown filter field for " + resource
                    + "; allowed: " + String.join(", ", filterableFields()));
        }
        int dot = expression == null ? -1 : expression.indexOf('.');
        if (dot <= 0) {
            throw new ValidationException(fieldName, "expected op.value, e.g. eq.x; operators for "
                    + fieldName + ": " + operatorList(field));
        }
        String token = expression.substring(0, dot).toLowerCase(Locale.ROOT);
        String raw = expression.substring(dot + 1);
        FilterOperator op = FilterOperator.fromToken(token)
                .filter(field.operators()::contains)
                .orElseThrow(() -> new ValidationException(fieldName, "operator '" + token
                        + "' is not allowed; operators for " + fieldName + ": " + operatorList(field)));
        return new Filter(fieldName, op, values(field, op, raw));
    }

    /** Reads {@code -createdAt,username}; an empty or null text gives the default sort. */
    public List<SortOrder> parseSort(String text) {
        if (text == null || text.isBlank()) {
            return defaultSort;
        }
        List<SortOrder> orders = new ArrayList<>();
        for (String part : text.split(",")) {
            String key = part.strip();
            boolean desc = key.startsWith("-");
            String name = desc || key.startsWith("+") ? key.substring(1) : key;
            QueryField field = fields.get(name);
            if (field == null || !field.sortable()) {
                throw new ValidationException("sort", "cannot sort " + resource + " by '" + name
                        + "'; allowed: " + String.join(", ", sortableFields()));
            }
            if (orders.stream().anyMatch(o -> o.field().equals(name))) {
                throw new ValidationException("sort", "'" + name + "' appears twice");
            }
            orders.add(new SortOrder(name, desc));
        }
        return orders;
    }

    private String operatorList(QueryField field) {
        return field.operators().stream().sorted().map(FilterOperator::token).collect(Collectors.joining(", "));
    }

    private static List<Object> values(QueryField field, FilterOperator op, String raw) {
        String name = field.name();
        if (op == FilterOperator.IS) {
            boolean bool = field.type() == FieldType.BOOLEAN;
            return List.of(switch (raw.toLowerCase(Locale.ROOT)) {
                case "null" -> Filter.IsValue.NULL;
                case "notnull", "not_null" -> Filter.IsValue.NOT_NULL;
                case "true" -> bool ? Filter.IsValue.TRUE : notBoolean(name);
                case "false" -> bool ? Filter.IsValue.FALSE : notBoolean(name);
                default -> throw new ValidationException(name, bool ? "is takes null, notnull, true or false"
                        : "is takes null or notnull");
            });
        }
        if (op == FilterOperator.IN || op == FilterOperator.CS) {
            String list = raw.startsWith("(") && raw.endsWith(")") || raw.startsWith("{") && raw.endsWith("}")
                    ? raw.substring(1, raw.length() - 1) : raw;
            List<Object> values = new ArrayList<>();
            for (String item : list.split(",")) {
                if (!item.isBlank()) {
                    values.add(convert(field, item.strip()));
                }
            }
            if (values.isEmpty() || values.size() > 100) {
                throw new ValidationException(name, op.token() + " takes 1 to 100 comma-separated values");
            }
            return values;
        }
        if ((op == FilterOperator.LIKE || op == FilterOperator.ILIKE) && raw.isEmpty()) {
            throw new ValidationException(name, op.token() + " needs a pattern; use * as wildcard");
        }
        return List.of(convert(field, raw));
    }

    private static Filter.IsValue notBoolean(String name) {
        throw new ValidationException(name, "is not a boolean; is takes null or notnull");
    }

    private static Object convert(QueryField field, String raw) {
        String name = field.name();
        try {
            return switch (field.type()) {
                case TEXT, TEXT_SET -> {
                    if (raw.length() > 200) {
                        throw new ValidationException(name, "value longer than 200 characters");
                    }
                    yield Storable.text(name, raw);
                }
                case UUID -> java.util.UUID.fromString(raw);
                case INSTANT -> Storable.instant(name, Instant.parse(raw));
                case DATE -> Storable.date(name, LocalDate.parse(raw));
                case INTEGER -> Long.parseLong(raw);
                case DECIMAL -> Storable.decimal(name, new BigDecimal(raw));
                case BOOLEAN -> switch (raw.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException();
                };
                case ENUM -> enumValue(field, raw);
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ValidationException(name, "'" + raw + "' is not a valid " + describe(field));
        }
    }

    private static Object enumValue(QueryField field, String raw) {
        for (Enum<?> constant : field.enumType().getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(raw)) {
                return constant;
            }
        }
        throw new ValidationException(field.name(), "'" + raw + "' is not one of "
                + Arrays.stream(field.enumType().getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static String describe(QueryField field) {
        return switch (field.type()) {
            case UUID -> "UUID";
            case INSTANT -> "ISO-8601 instant (e.g. 2026-01-31T12:00:00Z)";
            case DATE -> "date (YYYY-MM-DD)";
            case INTEGER -> "integer";
            case DECIMAL -> "decimal number";
            case BOOLEAN -> "boolean (true/false)";
            default -> "value";
        };
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
            fields.put(name, new QueryField(name, FieldType.ENUM,
                    EnumSet.of(FilterOperator.EQ, FilterOperator.NEQ, FilterOperator.IN), sortable, type));
            return this;
        }

        /** A set of strings filtered with {@code cs} (contains all). */
        public Builder textSet(String name) {
            return field(name, FieldType.TEXT_SET, EnumSet.of(FilterOperator.CS), false);
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
