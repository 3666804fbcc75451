package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.Filter;
import io.strata.domain.shared.query.FilterOperator;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;
import io.strata.domain.shared.value.Storable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The list grammar read against an allow-list: typed values, and 400s that name what is allowed. */
class QueryGrammarTest {
    enum Color {
        RED,
        GREEN
    }

    private final QuerySchema schema = QuerySchema.builder("things")
            .text("name", true)
            .enumeration("color", Color.class, false)
            .comparable("createdAt", FieldType.INSTANT, true)
            .comparable("ownerId", FieldType.UUID, false)
            .comparable("size", FieldType.INTEGER, true)
            .comparable("done", FieldType.BOOLEAN, false)
            .textSet("tags")
            .defaultSort(SortOrder.desc("createdAt"))
            .build();

    @Test
    void readsEveryOperatorIntoTypedValues() {
        assertThat(QueryGrammar.filter(schema, "name", "eq.bob"))
                .isEqualTo(new Filter("name", FilterOperator.EQ, List.of("bob")));
        assertThat(QueryGrammar.filter(schema, "name", "ilike.*bo*").value()).isEqualTo("*bo*");
        assertThat(QueryGrammar.filter(schema, "color", "in.red,GREEN").values())
                .containsExactly(Color.RED, Color.GREEN);
        assertThat(QueryGrammar.filter(schema, "createdAt", "gte.2026-01-01T00:00:00Z")
                        .value())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        UUID id = UUID.randomUUID();
        assertThat(QueryGrammar.filter(schema, "ownerId", "eq." + id).value()).isEqualTo(id);
        assertThat(QueryGrammar.filter(schema, "size", "lt.10").value()).isEqualTo(10L);
        assertThat(QueryGrammar.filter(schema, "done", "is.true").value()).isEqualTo(Filter.IsValue.TRUE);
        assertThat(QueryGrammar.filter(schema, "name", "is.null").value()).isEqualTo(Filter.IsValue.NULL);
        assertThat(QueryGrammar.filter(schema, "tags", "cs.{a,b}").values()).containsExactly("a", "b");
        assertThat(QueryGrammar.filter(schema, "name", "eq.a.b").value()).isEqualTo("a.b");
    }

    @Test
    void unknownFieldNamesTheAllowedOnes() {
        assertThatThrownBy(() -> QueryGrammar.filter(schema, "password", "eq.x"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("unknown filter field")
                .hasMessageContaining("color, createdAt, done, name, ownerId, size, tags");
    }

    @Test
    void operatorNotAllowedForFieldNamesTheAllowedOnes() {
        assertThatThrownBy(() -> QueryGrammar.filter(schema, "color", "gt.RED"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("eq, neq, in");
        assertThatThrownBy(() -> QueryGrammar.filter(schema, "name", "regex.x"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'regex' is not allowed");
        assertThatThrownBy(() -> QueryGrammar.filter(schema, "name", "bob"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("expected op.value");
    }

    @Test
    void badValuesSayWhatIsExpected() {
        assertThatThrownBy(() -> QueryGrammar.filter(schema, "ownerId", "eq.nope"))
                .hasMessageContaining("not a valid UUID");
        assertThatThrownBy(() -> QueryGrammar.filter(schema, "createdAt", "gt.yesterday"))
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> QueryGrammar.filter(schema, "size", "eq.ten")).hasMessageContaining("integer");
        assertThatThrownBy(() -> QueryGrammar.filter(schema, "color", "eq.BLUE"))
                .hasMessageContaining("RED, GREEN");
        assertThatThrownBy(() -> QueryGrammar.filter(schema, "done", "is.maybe"))
                .hasMessageContaining("null, notnull, true or false");
        assertThatThrownBy(() -> QueryGrammar.filter(schema, "name", "in.")).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> QueryGrammar.filter(schema, "name", "like.")).hasMessageContaining("needs a pattern");
        assertThatThrownBy(() -> QueryGrammar.filter(schema, "name", "eq." + "x".repeat(201)))
                .hasMessageContaining("200");
    }

    @Test
    void sortIsAllowListed() {
        assertThat(QueryGrammar.sort(schema, "-createdAt,name"))
                .containsExactly(SortOrder.desc("createdAt"), SortOrder.asc("name"));
        assertThat(QueryGrammar.sort(schema, null)).containsExactly(SortOrder.desc("createdAt"));
        assertThatThrownBy(() -> QueryGrammar.sort(schema, "color"))
                .hasMessageContaining("allowed: createdAt, name, size");
        assertThatThrownBy(() -> QueryGrammar.sort(schema, "name,-name")).hasMessageContaining("twice");
    }

    @Test
    void valuesPostgresCannotTakeAreValidationErrorsOnTheField() {
        assertThat(fields(() -> QueryGrammar.filter(schema, "name", "eq.a\u0000b")))
                .containsExactly("name");
        assertThat(fields(() -> QueryGrammar.filter(schema, "name", "in.a,\uD800")))
                .containsExactly("name");
        assertThat(fields(() -> QueryGrammar.filter(schema, "tags", "cs.{ok,\u0000}")))
                .containsExactly("tags");
        assertThat(fields(() -> QueryGrammar.filter(schema, "createdAt", "gte.+1000000000-12-31T23:59:59Z")))
                .containsExactly("createdAt");
        assertThat(fields(() -> QueryGrammar.filter(schema, "createdAt", "lt.+294277-01-01T00:00:00Z")))
                .containsExactly("createdAt");
        assertThat(QueryGrammar.filter(schema, "createdAt", "lt.+294276-12-31T23:59:59.999999Z")
                        .value())
                .isEqualTo(Storable.MAX_INSTANT);
        QuerySchema dated = QuerySchema.builder("dated")
                .comparable("due", FieldType.DATE, true)
                .comparable("amount", FieldType.DECIMAL, false)
                .build();
        assertThat(fields(() -> QueryGrammar.filter(dated, "due", "eq.+999999999-12-31")))
                .containsExactly("due");
        assertThat(fields(() -> QueryGrammar.filter(dated, "due", "eq.-4713-11-23")))
                .containsExactly("due");
        assertThat(QueryGrammar.filter(dated, "due", "eq.-4713-11-24").value()).isEqualTo(Storable.MIN_DATE);
        assertThat(fields(() -> QueryGrammar.filter(dated, "amount", "gt.1e999999999")))
                .containsExactly("amount");
        assertThat(QueryGrammar.filter(dated, "amount", "gt.-1.5e2").value()).isEqualTo(new BigDecimal("-1.5e2"));
        assertThat(QueryGrammar.filter(schema, "size", "gt.-3").value()).isEqualTo(-3L);
        // numbers in ASCII only: Long.parseLong and new BigDecimal read other scripts' digits ("١٠" is 10) and a '+'
        for (String notANumber : List.of("١٠", "+5", "1e3", "0x10", "99999999999999999999", "")) {
            assertThat(fields(() -> QueryGrammar.filter(schema, "size", "eq." + notANumber)))
                    .as(notANumber)
                    .containsExactly("size");
        }
        for (String notANumber : List.of("١.٥", "1,5", "NaN", "Infinity", ".", "1e")) {
            assertThat(fields(() -> QueryGrammar.filter(dated, "amount", "eq." + notANumber)))
                    .as(notANumber)
                    .containsExactly("amount");
        }
    }

    @Test
    void isTrueAndIsFalseAreForBooleansOnly() {
        assertThat(fields(() -> QueryGrammar.filter(schema, "ownerId", "is.true")))
                .containsExactly("ownerId");
        assertThat(fields(() -> QueryGrammar.filter(schema, "createdAt", "is.false")))
                .containsExactly("createdAt");
        assertThat(QueryGrammar.filter(schema, "createdAt", "is.notnull").value())
                .isEqualTo(Filter.IsValue.NOT_NULL);
        assertThat(QueryGrammar.filter(schema, "done", "is.false").value()).isEqualTo(Filter.IsValue.FALSE);
    }

    private static List<String> fields(Runnable parse) {
        try {
            parse.run();
        } catch (ValidationException e) {
            return e.errors().stream()
                    .map(ValidationException.FieldError::field)
                    .toList();
        }
        throw new AssertionError("no ValidationException");
    }

    @Test
    void csOnAJsonObjectFieldTakesOneJsonObjectWrittenBackCompactly() {
        QuerySchema schema = QuerySchema.builder("plugins").jsonObject("config").build();
        assertThat(QueryGrammar.filter(schema, "config", "cs.{ \"enabled\" : true, \"a\": {\"b\": [1, \"x\"]} }"))
                .isEqualTo(
                        new Filter("config", FilterOperator.CS, List.of("{\"enabled\":true,\"a\":{\"b\":[1,\"x\"]}}")));
        assertThat(QueryGrammar.filter(schema, "config", "cs.{}").value()).isEqualTo("{}");
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        for (String bad : List.of(
                "cs.a,b",
                "cs.[1]",
                "cs.{\"a\":",
                "cs.{\"a\":[1",
                "cs.{\"a\":1} {}",
                "cs.1",
                "cs.",
                "eq.{}",
                "cs." + deep)) {
            assertThatThrownBy(() -> QueryGrammar.filter(schema, "config", bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors())
                                    .extracting(ValidationException.FieldError::field)
                                    .containsExactly("config"));
        }
        assertThatThrownBy(() -> QueryGrammar.filter(schema, "config", "cs.{\"a\":\"x\u0000\"}"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> QueryGrammar.filter(
                        schema, "config", "cs.{\"a\":\"" + "x".repeat(QueryGrammar.MAX_JSON_LENGTH) + "\"}"))
                .isInstanceOf(ValidationException.class);
    }
}
