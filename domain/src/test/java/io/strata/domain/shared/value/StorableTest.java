package io.strata.domain.shared.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableTest {

    @Test
    void textMayHoldAnyUnicodeButNulAndUnpairedSurrogates() {
        assertThat(Storable.text("f", "é 😀 \u202E\u200B\t\r\n\u0001")).isNotNull();
        assertThat(Storable.text("f", null)).isNull();
        assertThatThrownBy(() -> Storable.text("f", "a\u0000b"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new ValidationException.FieldError(
                                        "f", "must not contain the NUL character (U+0000)")));
        assertThatThrownBy(() -> Storable.text("f", "\uD800")).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> Storable.text("f", "x\uDC00")).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> Storable.text("f", "\uD83D\uD83D")).hasMessageContaining("unpaired surrogate");
    }

    @Test
    void textsNameTheBadElement() {
        assertThatThrownBy(() -> Storable.texts("tags", Arrays.asList("a", null)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("tags[1]"));
        assertThatThrownBy(() -> Storable.texts("tags", List.of("a", "b\u0000")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("tags[1]"));
    }

    @Test
    void datesAndInstantsStayWithinPostgresRanges() {
        assertThat(Storable.date("d", LocalDate.of(-4713, 11, 24))).isEqualTo(Storable.MIN_DATE);
        assertThat(Storable.date("d", LocalDate.of(5_874_897, 12, 31))).isEqualTo(Storable.MAX_DATE);
        assertThatThrownBy(() -> Storable.date("d", LocalDate.of(-4713, 11, 23)))
                .hasMessageContaining("4714-11-24 BC");
        assertThatThrownBy(() -> Storable.date("d", LocalDate.MAX)).hasMessageContaining("5874897-12-31");
        assertThat(Storable.instant("t", Instant.parse("+294276-12-31T23:59:59.999999Z")))
                .isEqualTo(Storable.MAX_INSTANT);
        assertThat(Storable.instant("t", Storable.MIN_INSTANT)).isEqualTo(Instant.parse("-4713-11-24T00:00:00Z"));
        assertThatThrownBy(() -> Storable.instant("t", Instant.parse("+294277-01-01T00:00:00Z")))
                .hasMessageContaining("294276");
        assertThatThrownBy(() -> Storable.instant("t", Instant.MIN)).hasMessageContaining("4714");
        assertThat(Storable.date("d", null)).isNull();
    }

    @Test
    void numbersAreFiniteAndOfBoundedSize() {
        assertThat(Storable.decimal("n", new BigDecimal("12.50"))).isEqualByComparingTo("12.5");
        assertThat(Storable.decimal("n", new BigDecimal("1e1000"))).isNotNull();
        assertThatThrownBy(() -> Storable.decimal("n", new BigDecimal("1e999999999")))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> Storable.decimal("n", new BigDecimal("1e-999999")))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> Storable.decimal("n", new BigDecimal("9".repeat(1001))))
                .hasMessageContaining("digits");
        assertThatThrownBy(() -> Storable.number("n", Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Storable.number("n", Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Storable.number("n", BigInteger.TEN.pow(2000))).hasMessageContaining("digits");
        assertThat(Storable.number("n", 1.5e308)).isEqualTo(1.5e308);
    }

    @Test
    void jsonValuesAreCheckedDeepAndNameThePath() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("ok", Arrays.asList(1, null, true, "fine"));
        nested.put("deep", Map.of("list", List.of("x", "a\u0000")));
        assertThatThrownBy(() -> Storable.json("preferences", nested))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("preferences.deep.list[1]"));
        assertThatThrownBy(() -> Storable.json("preferences", Map.of("k\u0000", 1)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0))
                                .isEqualTo(new ValidationException.FieldError(
                                        "preferences", "a key must not contain the NUL character (U+0000)")));
        assertThatThrownBy(() -> Storable.json("p", Map.of("n", Double.POSITIVE_INFINITY)))
                .hasMessageContaining("p.n: must be a finite number");
        assertThatThrownBy(() -> Storable.json("p", Map.of("n", new BigDecimal("1e999999"))))
                .hasMessageContaining("p.n");
        Object deep = "leaf";
        for (int i = 0; i < Storable.MAX_JSON_DEPTH + 1; i++) {
            deep = Map.of("a", deep);
        }
        Object tooDeep = deep;
        assertThatThrownBy(() -> Storable.json("p", tooDeep)).hasMessageContaining("nested more than 32");
        assertThatThrownBy(() -> Storable.json("p", Map.of("o", new Object())))
                .hasMessageContaining("not a JSON value");
        assertThat(Storable.json("p", nested.get("ok"))).isNotNull();
    }

    @Test
    void valueTypesApplyTheRules() {
        assertThatThrownBy(() -> Text.optional("bio", "a\u0000", 10)).hasMessageContaining("bio: must not contain");
        assertThatThrownBy(() -> Tags.of(Arrays.asList("a", null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("tags: tags must not be null");
        assertThatThrownBy(() -> Tags.of(List.of("\uD800"))).hasMessageContaining("unpaired surrogate");
    }
}
