package io.strata.adapters.web.shared.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.web.shared.ListQuery;
import io.strata.adapters.web.shared.QueryGrammar;
import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.FilterOperator;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI parameters of a list: exactly the allow-list, typed, and every example reads as a filter. */
class ListEndpointTest {
    enum Colour {
        RED,
        GREEN
    }

    private static final QuerySchema SCHEMA = QuerySchema.builder("things")
            .text("name", true)
            .enumeration("colour", Colour.class, false)
            .comparable("ownerId", FieldType.UUID, false)
            .comparable("at", FieldType.INSTANT, true)
            .comparable("day", FieldType.DATE, false)
            .comparable("quantity", FieldType.INTEGER, false)
            .comparable("weight", FieldType.DECIMAL, false)
            .field("open", FieldType.BOOLEAN, EnumSet.of(FilterOperator.IS, FilterOperator.EQ), false)
            .textSet("tags")
            .defaultSort(SortOrder.desc("at"))
            .build();

    private final Map<String, Map<String, Object>> parameters =
            byName(new ListEndpoint("GET", "/things", SCHEMA, "name").parameters());

    @Test
    void pagingCountQAndSortComeFirstThenOneParameterPerFilterableField() {
        assertThat(parameters.keySet())
                .containsExactly(
                        "limit",
                        "cursor",
                        "page",
                        "size",
                        "count",
                        "q",
                        "sort",
                        "at",
                        "colour",
                        "day",
                        "name",
                        "open",
                        "ownerId",
                        "quantity",
                        "tags",
                        "weight");
        assertThat(parameters.values())
                .allSatisfy(p -> assertThat(p).containsEntry("in", "query").containsEntry("required", false));
        assertThat(schema("limit"))
                .containsEntry("type", "integer")
                .containsEntry("maximum", 200)
                .containsEntry("default", 50);
        assertThat(schema("q")).containsEntry("maxLength", ListQuery.MAX_Q_LENGTH);
        assertThat(parameters.get("sort")).containsEntry("explode", false);
        assertThat(items("sort")).containsEntry("enum", List.of("at", "-at", "name", "-name"));
        assertThat((String) parameters.get("sort").get("description")).endsWith("default -at");
    }

    @Test
    void aFilterListsItsOperatorsAndTheTypeOfItsValue() {
        Map<String, Object> at = parameters.get("at");
        assertThat(at)
                .containsEntry("x-operators", List.of("eq", "neq", "gt", "gte", "lt", "lte", "in", "is"))
                .containsEntry("x-value", Map.of("type", "string", "format", "date-time"))
                .containsEntry("explode", true);
        assertThat(schema("at")).containsEntry("type", "array");
        assertThat(items("at")).containsEntry("pattern", "^(eq|neq|gt|gte|lt|lte|in|is)\\..*$");
        assertThat((String) at.get("description"))
                .contains("ISO-8601 instant")
                .contains("at=gte.2026-01-01T00:00:00Z&at=lt.2026-02-01T00:00:00Z");

        assertThat(parameters.get("colour"))
                .containsEntry("x-operators", List.of("eq", "neq", "in"))
                .containsEntry("x-value", Map.of("type", "string", "enum", List.of("RED", "GREEN")));
        assertThat(parameters.get("ownerId").get("x-value")).isEqualTo(Map.of("type", "string", "format", "uuid"));
        assertThat(parameters.get("day").get("x-value")).isEqualTo(Map.of("type", "string", "format", "date"));
        assertThat(parameters.get("quantity").get("x-value")).isEqualTo(Map.of("type", "integer", "format", "int64"));
        assertThat(parameters.get("weight").get("x-value")).isEqualTo(Map.of("type", "number"));
        assertThat(parameters.get("open"))
                .containsEntry("x-operators", List.of("eq", "is"))
                .containsEntry("x-value", Map.of("type", "boolean"));
        assertThat(parameters.get("tags"))
                .containsEntry("x-operators", List.of("cs"))
                .containsEntry("x-value", Map.of("type", "string", "maxLength", QueryGrammar.MAX_VALUE_LENGTH));
        assertThat((String) parameters.get("name").get("description")).contains("* as wildcard");
    }

    @Test
    void everyExampleIsAFilterTheGrammarAccepts() {
        for (String name : SCHEMA.filterableFields()) {
            for (Object example : (List<?>) parameters.get(name).get("example")) {
                String expression = (String) example;
                assertThat(QueryGrammar.filter(SCHEMA, name, expression).field())
                        .as(expression)
                        .isEqualTo(name);
            }
        }
    }

    private Map<String, Object> schema(String name) {
        return map(parameters.get(name).get("schema"));
    }

    private Map<String, Object> items(String name) {
        return map(schema(name).get("items"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> parameters) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        parameters.forEach(p -> byName.put((String) p.get("name"), p));
        assertThat(byName).hasSize(parameters.size());
        return byName;
    }
}
