package io.strata.adapters.web.shared.openapi;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.strata.adapters.web.shared.ListParameters;
import io.strata.adapters.web.shared.ListQuery;
import io.strata.adapters.web.shared.QueryGrammar;
import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.FilterOperator;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.QueryField;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A list endpoint as the OpenAPI document shows it: a route whose {@link ListQuery} argument names its allow-list
 * with {@link ListParameters}, and the query parameters that allow-list accepts, typed: paging, {@code count},
 * {@code q}, {@code sort} (an enumeration of the sortable keys) and one parameter per filterable field, named after
 * the field, with its operators ({@code x-operators}, a {@code pattern}) and the type of its value
 * ({@code x-value}, a schema). The limits are the ones {@link ListQuery} and {@link QueryGrammar} enforce.
 *
 * <p>micronaut-openapi documents method-level {@code @Parameter}s without their schemas (they come out as
 * {@code type: object}) and cannot read a domain allow-list, so these parameters are added to the generated
 * document when it is served (bootstrap's {@code DocsController}); a new list endpoint gets them by declaring
 * {@code @ListParameters(XSearch.class) ListQuery query}.
 *
 * @param method   {@code GET}
 * @param path     the route's URI template as the document keys it, e.g. {@code /api/v1/projects/{id}/tasks}
 * @param schema   the allow-list
 * @param freeText what {@code q} searches
 */
public record ListEndpoint(String method, String path, QuerySchema schema, String freeText) {
    static final String UUID_EXAMPLE = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

    /** Every list endpoint of the application, by path and method. */
    public static List<ListEndpoint> of(Router router) {
        // Micronaut answers HEAD for every GET route (the document has the GET) and may list a route twice
        return router.uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .flatMap(route -> of(route).stream())
                .distinct()
                .sorted(Comparator.comparing(ListEndpoint::path).thenComparing(ListEndpoint::method))
                .toList();
    }

    private static List<ListEndpoint> of(UriRouteInfo<?, ?> route) {
        List<ListEndpoint> found = new ArrayList<>();
        for (Argument<?> argument : route.getTargetMethod().getArguments()) {
            argument.getAnnotationMetadata()
                    .findAnnotation(ListParameters.class)
                    .ifPresent(list -> found.add(new ListEndpoint(
                            route.getHttpMethodName(),
                            route.getUriMatchTemplate().toPathString(),
                            ListQuery.schemaOf(list.classValue().orElseThrow()),
                            list.stringValue("q").orElse(""))));
        }
        return found;
    }

    /** The OpenAPI parameter objects: limit, cursor, page, size, count, q, sort, then the filters by name. */
    public List<Map<String, Object>> parameters() {
        List<Map<String, Object>> parameters = new ArrayList<>();
        parameters.add(parameter(
                ListQuery.LIMIT,
                "Page size (keyset paging, the default): 1 to " + PageRequest.MAX_LIMIT,
                integer(1, PageRequest.MAX_LIMIT, PageRequest.DEFAULT_LIMIT)));
        parameters.add(parameter(
                ListQuery.CURSOR,
                "page.nextCursor of the previous page",
                schema("string", null, Map.of("maxLength", ListQuery.MAX_CURSOR_LENGTH))));
        parameters.add(parameter(
                ListQuery.PAGE,
                "1-based page number (offset paging; not with cursor)",
                integer(1, ListQuery.MAX_PAGE, null)));
        parameters.add(parameter(
                ListQuery.SIZE,
                "Page size (offset paging): 1 to " + PageRequest.MAX_LIMIT + "; give limit or size, not both",
                integer(1, PageRequest.MAX_LIMIT, null)));
        parameters.add(parameter(
                ListQuery.COUNT,
                "Include page.total: exact (counted) or estimated (the " + "planner's estimate); none by default",
                schema("string", null, Map.of("enum", List.of("exact", "estimated", "none")))));
        parameters.add(parameter(
                ListQuery.Q,
                "Free text over " + freeText,
                schema("string", null, Map.of("maxLength", ListQuery.MAX_Q_LENGTH))));
        parameters.add(sort());
        for (String name : schema.filterableFields()) {
            if (ListQuery.RESERVED.contains(name)) { // ListQuery reads it as paging, never as this filter
                throw new IllegalStateException(schema.resource() + " filters by " + name + ", a list parameter");
            }
            parameters.add(filter(schema.field(name)));
        }
        return parameters;
    }

    private Map<String, Object> sort() {
        List<String> keys = new ArrayList<>();
        for (String field : schema.sortableFields()) {
            keys.add(field);
            keys.add("-" + field);
        }
        Map<String, Object> items = schema("string", null, Map.of("enum", keys));
        Map<String, Object> parameter = parameter(
                ListQuery.SORT,
                "Comma-separated sort keys, - for descending: "
                        + String.join(", ", schema.sortableFields()) + "; default "
                        + schema.defaultSort().stream().map(ListEndpoint::key).collect(Collectors.joining(",")),
                schema("array", null, Map.of("items", items)));
        parameter.put("style", "form");
        parameter.put("explode", false);
        return parameter;
    }

    private Map<String, Object> filter(QueryField field) {
        List<String> operators = Arrays.stream(FilterOperator.values())
                .filter(field.operators()::contains)
                .map(QueryGrammar::token)
                .toList();
        Map<String, Object> items =
                schema("string", null, Map.of("pattern", "^(" + String.join("|", operators) + ")\\..*$"));
        Map<String, Object> parameter = parameter(
                field.name(), filterDescription(field, operators), schema("array", null, Map.of("items", items)));
        parameter.put("style", "form");
        parameter.put("explode", true);
        parameter.put("example", List.of(example(field)));
        parameter.put("x-operators", operators);
        parameter.put("x-value", valueSchema(field));
        return parameter;
    }

    private String filterDescription(QueryField field, List<String> operators) {
        StringBuilder text = new StringBuilder("Filter ")
                .append(schema.resource())
                .append(" by ")
                .append(field.name())
                .append(": op.value, op one of ")
                .append(String.join(", ", operators))
                .append("; the value ")
                .append(valueDescription(field))
                .append('.');
        if (field.operators().contains(FilterOperator.LIKE) || field.operators().contains(FilterOperator.ILIKE)) {
            text.append(" like and ilike (case-insensitive) take a pattern with * as wildcard.");
        }
        if (field.operators().contains(FilterOperator.IN)) {
            text.append(" in takes 1 to ").append(QueryGrammar.MAX_LIST_VALUES).append(" comma-separated values.");
        }
        if (field.type() == FieldType.JSON_OBJECT) {
            text.append(" cs takes a JSON object (e.g. cs.{\"enabled\":true}, URL-encoded) that the field must contain:"
                    + " nested objects match member by member, arrays contain the given elements.");
        } else if (field.operators().contains(FilterOperator.CS)) {
            text.append(" cs takes 1 to ")
                    .append(QueryGrammar.MAX_LIST_VALUES)
                    .append(" comma-separated values, all of which must be present.");
        }
        if (field.operators().contains(FilterOperator.IS)) {
            text.append(
                    field.type() == FieldType.BOOLEAN
                            ? " is takes true or false (and null or notnull where the field can be empty)."
                            : " is takes null or notnull.");
        }
        text.append(" Repeat the parameter to combine conditions (all must hold)");
        List<String> range = range(field);
        if (!range.isEmpty()
                && field.operators().contains(FilterOperator.GTE)
                && field.operators().contains(FilterOperator.LT)) {
            text.append(", e.g. a range: ")
                    .append(field.name())
                    .append("=gte.")
                    .append(range.get(0))
                    .append('&')
                    .append(field.name())
                    .append("=lt.")
                    .append(range.get(1));
        }
        return text.append('.').toString();
    }

    private static List<String> range(QueryField field) {
        return switch (field.type()) {
            case TEXT -> List.of("a", "n");
            case INSTANT -> List.of("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z");
            case DATE -> List.of("2026-01-01", "2026-02-01");
            case INTEGER, DECIMAL -> List.of("1", "10");
            default -> List.of();
        };
    }

    private static String valueDescription(QueryField field) {
        return switch (field.type()) {
            case TEXT, TEXT_SET -> "text of at most " + QueryGrammar.MAX_VALUE_LENGTH + " characters";
            case JSON_OBJECT -> "a JSON object of at most " + QueryGrammar.MAX_JSON_LENGTH + " characters";
            case ENUM -> "one of " + String.join(", ", constants(field));
            default -> "a " + QueryGrammar.describe(field);
        };
    }

    /** The schema of a single filter value (after {@code op.}), e.g. {@code {type: string, format: date}}. */
    private static Map<String, Object> valueSchema(QueryField field) {
        return switch (field.type()) {
            case TEXT, TEXT_SET -> schema("string", null, Map.of("maxLength", QueryGrammar.MAX_VALUE_LENGTH));
            case JSON_OBJECT -> schema("string", "json", Map.of("maxLength", QueryGrammar.MAX_JSON_LENGTH));
            case UUID -> schema("string", "uuid", Map.of());
            case INSTANT -> schema("string", "date-time", Map.of());
            case DATE -> schema("string", "date", Map.of());
            case INTEGER -> schema("integer", "int64", Map.of());
            case DECIMAL -> schema("number", null, Map.of());
            case BOOLEAN -> schema("boolean", null, Map.of());
            case ENUM -> schema("string", null, Map.of("enum", constants(field)));
        };
    }

    /** A filter that the endpoint accepts, e.g. {@code gte.2026-01-01}. */
    static String example(QueryField field) {
        String operator = QueryGrammar.token(exampleOperator(field));
        String value =
                operator.endsWith("like") ? "*a*" : field.type() == FieldType.TEXT_SET ? "a,b" : sampleValue(field);
        return operator + "." + value;
    }

    private static String sampleValue(QueryField field) {
        return switch (field.type()) {
            case TEXT, TEXT_SET -> "a";
            case JSON_OBJECT -> "{\"a\":1}";
            case UUID -> UUID_EXAMPLE;
            case INSTANT -> "2026-01-01T00:00:00Z";
            case DATE -> "2026-01-01";
            case INTEGER -> "1";
            case DECIMAL -> "1.5";
            case BOOLEAN -> "true";
            case ENUM -> constants(field).get(0);
        };
    }

    private static FilterOperator exampleOperator(QueryField field) {
        for (FilterOperator preferred :
                List.of(FilterOperator.ILIKE, FilterOperator.GTE, FilterOperator.CS, FilterOperator.EQ)) {
            if (field.operators().contains(preferred)) {
                return preferred;
            }
        }
        return field.operators().iterator().next();
    }

    private static List<String> constants(QueryField field) {
        return Arrays.stream(field.enumType().getEnumConstants())
                .map(Enum::name)
                .toList();
    }

    private static String key(SortOrder order) {
        return (order.descending() ? "-" : "") + order.field();
    }

    private static Map<String, Object> parameter(String name, String description, Map<String, Object> schema) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        parameter.put("in", "query");
        parameter.put("description", description);
        parameter.put("required", false);
        parameter.put("schema", schema);
        return parameter;
    }

    private static Map<String, Object> integer(int minimum, int maximum, Integer defaultValue) {
        Map<String, Object> schema = schema("integer", "int32", Map.of("minimum", minimum, "maximum", maximum));
        if (defaultValue != null) {
            schema.put("default", defaultValue);
        }
        return schema;
    }

    private static Map<String, Object> schema(String type, String format, Map<String, Object> more) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        if (format != null) {
            schema.put("format", format);
        }
        more.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> schema.put(entry.getKey(), entry.getValue()));
        return schema;
    }
}
