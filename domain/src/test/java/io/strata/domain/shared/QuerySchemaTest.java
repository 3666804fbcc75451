package io.strata.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuerySchemaTest {
    enum Color { RED, GREEN }

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
        assertThat(schema.parseFilter("name", "eq.bob")).isEqualTo(new Filter("name", FilterOperator.EQ, List.of("bob")));
        assertThat(schema.parseFilter("name", "ilike.*bo*").value()).isEqualTo("*bo*");
        assertThat(schema.parseFilter("color", "in.red,GREEN").values()).containsExactly(Color.RED, Color.GREEN);
        assertThat(schema.parseFilter("createdAt", "gte.2026-01-01T00:00:00Z").value())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        UUID id = UUID.randomUUID();
        assertThat(schema.parseFilter("ownerId", "eq." + id).value()).isEqualTo(id);
        assertThat(schema.parseFilter("size", "lt.10").value()).isEqualTo(10L);
        assertThat(schema.parseFilter("done", "is.true").value()).isEqualTo(Filter.IsValue.TRUE);
        assertThat(schema.parseFilter("name", "is.null").value()).isEqualTo(Filter.IsValue.NULL);
        assertThat(schema.parseFilter("tags", "cs.{a,b}").values()).containsExactly("a", "b");
        assertThat(schema.parseFilter("name", "eq.a.b").value()).isEqualTo("a.b");
    }

    @Test
    void unknownFieldNamesTheAllowedOnes() {
        assertThatThrownBy(() -> schema.parseFilter("password", "eq.x"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("unknown filter field")
                .hasMessageContaining("color, createdAt, done, name, ownerId, size, tags");
    }

    @Test
    void operatorNotAllowedForFieldNamesTheAllowedOnes() {
        assertThatThrownBy(() -> schema.parseFilter("color", "gt.RED"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("eq, neq, in");
        assertThatThrownBy(() -> schema.parseFilter("name", "regex.x"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'regex' is not allowed");
        assertThatThrownBy(() -> schema.parseFilter("name", "bob"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("expected op.value");
    }

    @Test
    void badValuesSayWhatIsExpected() {
        assertThatThrownBy(() -> schema.parseFilter("ownerId", "eq.nope")).hasMessageContaining("not a valid UUID");
        assertThatThrownBy(() -> schema.parseFilter("createdAt", "gt.yesterday")).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> schema.parseFilter("size", "eq.ten")).hasMessageContaining("integer");
        assertThatThrownBy(() -> schema.parseFilter("color", "eq.BLUE")).hasMessageContaining("RED, GREEN");
        assertThatThrownBy(() -> schema.parseFilter("done", "is.maybe")).hasMessageContaining("null, notnull, true or false");
        assertThatThrownBy(() -> schema.parseFilter("name", "in.")).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> schema.parseFilter("name", "like.")).hasMessageContaining("needs a pattern");
        assertThatThrownBy(() -> schema.parseFilter("name", "eq." + "x".repeat(201))).hasMessageContaining("200");
    }

    @Test
    void valuesPostgresCannotTakeAreValidationErrorsOnTheField() {
        assertThat(fields(() -> schema.parseFilter("name", "eq.a\u0000b"))).containsExactly("name");
        assertThat(fields(() -> schema.parseFilter("name", "in.a,\uD800"))).containsExactly("name");
        assertThat(fields(() -> schema.parseFilter("tags", "cs.{ok,\u0000}"))).containsExactly("tags");
        assertThat(fields(() -> schema.parseFilter("createdAt", "gte.+1000000000-12-31T23:59:59Z")))
                .containsExactly("createdAt");
        assertThat(fields(() -> schema.parseFilter("createdAt", "lt.+294277-01-01T00:00:00Z"))).containsExactly("createdAt");
        assertThat(schema.parseFilter("createdAt", "lt.+294276-12-31T23:59:59.999999Z").value())
                .isEqualTo(Storable.MAX_INSTANT);
        QuerySchema dated = QuerySchema.builder("dated").comparable("due", FieldType.DATE, true)
                .comparable("amount", FieldType.DECIMAL, false).build();
        assertThat(fields(() -> dated.parseFilter("due", "eq.+999999999-12-31"))).containsExactly("due");
        assertThat(fields(() -> dated.parseFilter("due", "eq.-4713-11-23"))).containsExactly("due");
        assertThat(dated.parseFilter("due", "eq.-4713-11-24").value()).isEqualTo(Storable.MIN_DATE);
        assertThat(fields(() -> dated.parseFilter("amount", "gt.1e999999999"))).containsExactly("amount");
    }

    @Test
    void isTrueAndIsFalseAreForBooleansOnly() {
        assertThat(fields(() -> schema.parseFilter("ownerId", "is.true"))).containsExactly("ownerId");
        assertThat(fields(() -> schema.parseFilter("createdAt", "is.false"))).containsExactly("createdAt");
        assertThat(schema.parseFilter("createdAt", "is.notnull").value()).isEqualTo(Filter.IsValue.NOT_NULL);
        assertThat(schema.parseFilter("done", "is.false").value()).isEqualTo(Filter.IsValue.FALSE);
    }

    private static List<String> fields(Runnable parse) {
        try {
            parse.run();
        } catch (ValidationException e) {
            return e.errors().stream().map(ValidationException.FieldError::field).toList();
        }
        throw new AssertionError("no ValidationException");
    }

    @Test
    void sortIsAllowListed() {
        assertThat(schema.parseSort("-createdAt,name")).containsExactly(SortOrder.desc("createdAt"), SortOrder.asc("name"));
        assertThat(schema.parseSort(null)).containsExactly(SortOrder.desc("createdAt"));
        assertThatThrownBy(() -> schema.parseSort("color")).hasMessageContaining("allowed: createdAt, name, size");
        assertThatThrownBy(() -> schema.parseSort("name,-name")).hasMessageContaining("twice");
    }
}
