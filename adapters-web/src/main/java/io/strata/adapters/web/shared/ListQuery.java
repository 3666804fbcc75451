package io.strata.adapters.web.shared;

import io.micronaut.core.convert.value.ConvertibleMultiValues;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.query.Filter;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.query.SortOrder;
import io.strata.domain.shared.query.TotalCount;
import io.strata.domain.shared.value.AsciiNumbers;
import io.strata.domain.shared.value.Storable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of a list endpoint, read against a resource's {@link QuerySchema}:
 * <ul>
 *   <li>{@code limit} (1..200, default 50) and {@code cursor}: keyset paging (the default);</li>
 *   <li>{@code page} (1-based) and {@code size} (1..200): offset paging;</li>
 *   <li>{@code count=exact|estimated}: include a total;</li>
 *   <li>{@code sort=-createdAt,username}: allow-listed sort keys;</li>
 *   <li>{@code q}: free text;</li>
 *   <li>every other parameter is a filter {@code field=op.value} (repeatable, e.g. a range
 *   {@code createdAt=gte.X&createdAt=lt.Y}); unknown fields or operators are 400s naming what is allowed.</li>
 * </ul>
 * All problems are reported together in one {@link ValidationException}. Controllers take it as an argument
 * annotated with {@link ListParameters}, which names the allow-list once for reading and for the OpenAPI document.
 */
public record ListQuery(SearchCriteria criteria, PageRequest page) {
    public static final String LIMIT = "limit";
    public static final String CURSOR = "cursor";
    public static final String PAGE = "page";
    public static final String SIZE = "size";
    public static final String COUNT = "count";
    public static final String SORT = "sort";
    public static final String Q = "q";
    public static final Set<String> RESERVED = Set.of(LIMIT, CURSOR, PAGE, SIZE, COUNT, SORT, Q);
    public static final int MAX_Q_LENGTH = 200;
    public static final int MAX_CURSOR_LENGTH = 1024;
    public static final int MAX_PAGE = 1_000_000;

    private static final ClassValue<QuerySchema> SCHEMAS = new ClassValue<>() {
        @Override
        protected QuerySchema computeValue(Class<?> holder) {
            try {
                Field field = holder.getField("SCHEMA");
                if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof QuerySchema schema) {
                    return schema;
                }
            } catch (NoSuchFieldException | IllegalAccessException e) {
                // reported below
            }
            throw new IllegalStateException(holder.getName() + " has no public static QuerySchema SCHEMA");
        }
    };

    /** The allow-list a {@link ListParameters} names: its class's {@code public static final QuerySchema SCHEMA}. */
    public static QuerySchema schemaOf(Class<?> holder) {
        return SCHEMAS.get(holder);
    }

    public static ListQuery parse(ConvertibleMultiValues<String> parameters, QuerySchema schema) {
        return parse(parameters, schema, Set.of());
    }

    /** {@code ignored} names parameters the endpoint reads itself (e.g. {@code include}); they are no filters. */
    public static ListQuery parse(ConvertibleMultiValues<String> parameters, QuerySchema schema, Set<String> ignored) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : parameters.names()) {
            map.put(name, parameters.getAll(name));
        }
        return parse(map, schema, ignored);
    }

    public static ListQuery parse(Map<String, List<String>> parameters, QuerySchema schema, Set<String> ignored) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        Integer limit = integer(parameters, LIMIT, 1, PageRequest.MAX_LIMIT, errors);
        Integer size = integer(parameters, SIZE, 1, PageRequest.MAX_LIMIT, errors);
        Integer page = integer(parameters, PAGE, 1, MAX_PAGE, errors);
        String cursor = single(parameters, CURSOR, errors);
        String countText = single(parameters, COUNT, errors);
        String q = single(parameters, Q, errors);
        List<String> sortTexts = parameters.getOrDefault(SORT, List.of());

        if (cursor != null && (cursor.isBlank() || cursor.length() > MAX_CURSOR_LENGTH)) {
            errors.add(new ValidationException.FieldError(CURSOR, "is not a cursor returned by this list"));
            cursor = null;
        }
        if (limit != null && size != null && !limit.equals(size)) {
            errors.add(new ValidationException.FieldError(SIZE, "differs from limit; give one of them"));
        }
        if (q != null && q.length() > MAX_Q_LENGTH) {
            errors.add(new ValidationException.FieldError(Q, "must be at most " + MAX_Q_LENGTH + " characters"));
        } else if (q != null && Storable.textProblem(q) != null) {
            errors.add(new ValidationException.FieldError(Q, Storable.textProblem(q)));
        }
        TotalCount count = count(countText, errors);
        List<SortOrder> sort = schema.defaultSort();
        try {
            sort = QueryGrammar.sort(
                    schema,
                    sortTexts.size() == 1
                            ? sortTexts.get(0)
                            : String.join(
                                    ",",
                                    sortTexts.stream().filter(s -> !s.isBlank()).toList()));
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }

        List<Filter> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (RESERVED.contains(name) || ignored.contains(name)) {
                continue;
            }
            for (String expression : parameter.getValue()) {
                try {
                    filters.add(QueryGrammar.filter(schema, name, expression));
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
            }
        }

        boolean offsetPaging = page != null || size != null;
        int effectiveLimit = size != null ? size : limit != null ? limit : PageRequest.DEFAULT_LIMIT;
        Integer offset = null;
        if (offsetPaging) {
            long computed = (long) ((page == null ? 1 : page) - 1) * effectiveLimit;
            offset = (int) Math.min(computed, Integer.MAX_VALUE);
            if (cursor != null) {
                errors.add(new ValidationException.FieldError(CURSOR, "cannot be combined with page/size paging"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ListQuery(
                new SearchCriteria(filters, q),
                new PageRequest(effectiveLimit, offsetPaging ? null : cursor, offset, sort, count));
    }

    private static TotalCount count(String text, List<ValidationException.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return TotalCount.NONE;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "exact" -> TotalCount.EXACT;
            case "estimated" -> TotalCount.ESTIMATED;
            case "none" -> TotalCount.NONE;
            default -> {
                errors.add(new ValidationException.FieldError(
                        COUNT, "must be exact or estimated, was '" + Problems.abbreviate(text) + "'"));
                yield TotalCount.NONE;
            }
        };
    }

    private static String single(
            Map<String, List<String>> parameters, String name, List<ValidationException.FieldError> errors) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            errors.add(new ValidationException.FieldError(name, "give it once"));
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static Integer integer(
            Map<String, List<String>> parameters,
            String name,
            int min,
            int max,
            List<ValidationException.FieldError> errors) {
        String text = single(parameters, name, errors);
        if (text == null) {
            return null;
        }
        long value = AsciiNumbers.wholeNumber(text.strip());
        if (value >= min && value <= max) {
            return (int) value;
        }
        errors.add(new ValidationException.FieldError(name, ClientNumbers.outOfRange(min, max, text)));
        return null;
    }
}
