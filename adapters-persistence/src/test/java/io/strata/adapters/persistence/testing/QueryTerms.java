package io.strata.adapters.persistence.testing;

import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.Filter;
import io.strata.domain.shared.query.FilterOperator;
import io.strata.domain.shared.query.QueryField;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Test shorthand for typed filters and sort orders, in the notation of the list endpoints
 * ({@code eq.ACTIVE}, {@code in.a,b}, {@code cs.{a,b}}, {@code -createdAt,username}), so search tests read
 * like the requests they stand for. The web adapter's {@code QueryGrammar} is the real reader, with the
 * allow-list checks and messages; this one only builds the typed values the persistence adapter receives,
 * unchecked, so tests can also hand it filters the allow-list would refuse.
 */
public final class QueryTerms {
    private QueryTerms() {}

    public static Filter filter(QuerySchema schema, String field, String expression) {
        int dot = expression.indexOf('.');
        FilterOperator op = FilterOperator.valueOf(expression.substring(0, dot).toUpperCase(Locale.ROOT));
        String raw = expression.substring(dot + 1);
        QueryField type = schema.field(field);
        List<Object> values = new ArrayList<>();
        if (op == FilterOperator.IS) {
            values.add(Filter.IsValue.valueOf(raw.toUpperCase(Locale.ROOT).replace("NOTNULL", "NOT_NULL")));
        } else if (type != null && type.type() == FieldType.JSON_OBJECT) {
            values.add(raw);
        } else if (op == FilterOperator.IN || op == FilterOperator.CS) {
            for (String item : raw.replaceAll("^[({]|[)}]$", "").split(",")) {
                values.add(value(type, item.strip()));
            }
        } else {
            values.add(value(type, raw));
        }
        return new Filter(field, op, values);
    }

    /** {@code -a,b}: descending a, then ascending b; blank is the schema's default order. */
    public static List<SortOrder> sort(QuerySchema schema, String text) {
        return text.isBlank()
                ? schema.defaultSort()
                : Arrays.stream(text.split(","))
                        .map(key -> key.startsWith("-") ? SortOrder.desc(key.substring(1)) : SortOrder.asc(key))
                        .toList();
    }

    private static Object value(QueryField field, String raw) {
        return switch (field.type()) {
            case TEXT, TEXT_SET, JSON_OBJECT -> raw;
            case UUID -> UUID.fromString(raw);
            case INSTANT -> Instant.parse(raw);
            case DATE -> LocalDate.parse(raw);
            case INTEGER -> Long.parseLong(raw);
            case DECIMAL -> new BigDecimal(raw);
            case BOOLEAN -> Boolean.parseBoolean(raw);
            case ENUM ->
                Arrays.stream(field.enumType().getEnumConstants())
                        .filter(constant -> constant.name().equalsIgnoreCase(raw))
                        .findFirst()
                        .orElseThrow();
        };
    }
}
