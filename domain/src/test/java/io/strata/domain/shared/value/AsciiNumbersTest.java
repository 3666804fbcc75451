package io.strata.domain.shared.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AsciiNumbersTest {

    @Test
    void aWholeNumberIsAsciiDigitsOnly() {
        assertThat(AsciiNumbers.wholeNumber("0")).isZero();
        assertThat(AsciiNumbers.wholeNumber("007")).isEqualTo(7);
        assertThat(AsciiNumbers.wholeNumber("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(AsciiNumbers.wholeNumber("0000000000000000000000042")).isEqualTo(42);
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
            assertThat(AsciiNumbers.wholeNumber(none)).as(String.valueOf(none)).isEqualTo(-1);
        }
    }

    @Test
    void anIntegerMayBeNegative() {
        assertThat(AsciiNumbers.integer("-12")).isEqualTo(-12L);
        assertThat(AsciiNumbers.integer("12")).isEqualTo(12L);
        assertThat(AsciiNumbers.integer("-9223372036854775807")).isEqualTo(-Long.MAX_VALUE);
        assertThat(AsciiNumbers.integer(Long.toString(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
        assertThat(AsciiNumbers.integer("-009223372036854775808")).isEqualTo(Long.MIN_VALUE);
        for (String none : new String[] {
            null, "", "-", "--1", "+1", "- 1", "-١", "1-", "9223372036854775808", "-9223372036854775809"
        }) {
            assertThat(AsciiNumbers.integer(none)).as(String.valueOf(none)).isNull();
        }
    }

    @Test
    void aDecimalIsJavasNotationInAscii() {
        assertThat(AsciiNumbers.decimal("1.50")).isEqualByComparingTo("1.5");
        assertThat(AsciiNumbers.decimal("-0.5")).isEqualByComparingTo("-0.5");
        assertThat(AsciiNumbers.decimal("+.5")).isEqualByComparingTo("0.5");
        assertThat(AsciiNumbers.decimal("5.")).isEqualByComparingTo("5");
        assertThat(AsciiNumbers.decimal("1e3")).isEqualByComparingTo(new BigDecimal("1000"));
        assertThat(AsciiNumbers.decimal("2.5E-2")).isEqualByComparingTo("0.025");
        for (String none : new String[] {
            null, "", ".", "-", "e3", "1e", "1e+", "1.2.3", "1,5", " 1", "NaN", "Infinity", "١.٥", "1e99999999999"
        }) {
            assertThat(AsciiNumbers.decimal(none)).as(String.valueOf(none)).isNull();
        }
    }
}
