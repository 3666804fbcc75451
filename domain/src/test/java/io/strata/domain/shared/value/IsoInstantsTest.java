package io.strata.domain.shared.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link IsoInstants#text} is {@code DateTimeFormatter.ISO_INSTANT}'s text, to the character. */
class IsoInstantsTest {

    @Test
    void theTextIsTheIsoInstantFormattersForEveryYearAndFraction() {
        long first = LocalDate.of(0, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 3 * 86_400L;
        long last = LocalDate.of(10_000, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) + 3 * 86_400L;
        SplittableRandom random = new SplittableRandom(42);
        int[] nanos = {0, 1, 999_999_999, 5_000_000, 120_000_000, 7_000, 123_456_000, 100, 123_456_789};
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(first, last);
            int nano = i % 2 == 0 ? nanos[i % nanos.length] : random.nextInt(1_000_000_000);
            assertSameText(Instant.ofEpochSecond(seconds, nano));
        }
        for (Instant edge : new Instant[] {
            Instant.EPOCH,
            Instant.ofEpochSecond(-1),
            Instant.ofEpochSecond(-1, 999_999_999),
            Instant.ofEpochSecond(first),
            Instant.ofEpochSecond(last),
            Instant.parse("9999-12-31T23:59:59.999999999Z"),
            Instant.parse("0000-01-01T00:00:00Z"),
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("-0001-12-31T23:59:59.5Z"),
            Instant.parse("2024-02-29T12:00:00.000001Z"),
            Instant.MIN,
            Instant.MAX
        }) {
            assertSameText(edge);
        }
    }

    private static void assertSameText(Instant instant) {
        assertThat(IsoInstants.text(instant))
                .as("%s s %s ns", instant.getEpochSecond(), instant.getNano())
                .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }
}
