package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ClientNumbersTest {

    @Test
    void aWholeNumberIsAsciiDigitsOnly() {
        assertThat(ClientNumbers.wholeNumber("0")).isZero();
        assertThat(ClientNumbers.wholeNumber("007")).isEqualTo(7);
        assertThat(ClientNumbers.wholeNumber("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(ClientNumbers.wholeNumber("0000000000000000000000042")).isEqualTo(42);
        for (String none : new String[] {
            null,
            "",
            " 1",
            "1 ",
            "+1",
            "-1",
            "1.0",
            "1e3",
            "0x10",
            "9223372036854775808",
            "99999999999999999999",
            "١٠", // Arabic-Indic digits: Long.parseLong reads 10
            "１２", // fullwidth digits
            "१", // Devanagari one
            "1\u0000"
        }) {
            assertThat(ClientNumbers.wholeNumber(none)).as(String.valueOf(none)).isEqualTo(-1);
        }
    }

    @Test
    void anIntegerMayBeNegative() {
        assertThat(ClientNumbers.integer("-12")).isEqualTo(-12L);
        assertThat(ClientNumbers.integer("12")).isEqualTo(12L);
        assertThat(ClientNumbers.integer("-9223372036854775807")).isEqualTo(-Long.MAX_VALUE);
        for (String none : new String[] {null, "", "-", "--1", "+1", "- 1", "-١", "1-"}) {
            assertThat(ClientNumbers.integer(none)).as(String.valueOf(none)).isNull();
        }
    }

    @Test
    void aDecimalIsJavasNotationInAscii() {
        assertThat(ClientNumbers.decimal("1.50")).isEqualByComparingTo("1.5");
        assertThat(ClientNumbers.decimal("-0.5")).isEqualByComparingTo("-0.5");
        assertThat(ClientNumbers.decimal("+.5")).isEqualByComparingTo("0.5");
        assertThat(ClientNumbers.decimal("5.")).isEqualByComparingTo("5");
        assertThat(ClientNumbers.decimal("1e3")).isEqualByComparingTo(new BigDecimal("1000"));
        assertThat(ClientNumbers.decimal("2.5E-2")).isEqualByComparingTo("0.025");
        for (String none : new String[] {
            null, "", ".", "-", "e3", "1e", "1e+", "1.2.3", "1,5", " 1", "NaN", "Infinity", "١.٥", "1e99999999999"
        }) {
            assertThat(ClientNumbers.decimal(none)).as(String.valueOf(none)).isNull();
        }
    }

    @Test
    void aLimitIsFromOneToItsMaximum() {
        assertThat(ClientNumbers.limit(null, "limit", 100, 50)).isEqualTo(50);
        assertThat(ClientNumbers.limit("  ", "limit", 100, 50)).isEqualTo(50);
        assertThat(ClientNumbers.limit(" 7 ", "limit", 100, 50)).isEqualTo(7);
        assertThat(ClientNumbers.limit("100", "limit", 100, 50)).isEqualTo(100);
        for (String bad : new String[] {"0", "101", "-1", "+5", "x", "١٠", "99999999999999999999"}) {
            assertThatThrownBy(() -> ClientNumbers.limit(bad, "taskLimit", 100, 50))
                    .as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.errors()).hasSize(1);
                        assertThat(e.errors().get(0).field()).isEqualTo("taskLimit");
                        assertThat(e.errors().get(0).message()).startsWith("must be a whole number from 1 to 100");
                    });
        }
    }
}
