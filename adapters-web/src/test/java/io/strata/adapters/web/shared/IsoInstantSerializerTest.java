package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Timestamps are written as {@code DateTimeFormatter.ISO_INSTANT} writes them, to the character. */
class IsoInstantSerializerTest {

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
        assertThat(IsoInstantSerializer.text(instant))
                .as("%s s %s ns", instant.getEpochSecond(), instant.getNano())
                .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    @Serdeable
    @Introspected
    record Stamps(
            Instant at,
            @Nullable Instant maybe,

            @Nullable @JsonFormat(pattern = "yyyy-MM-dd", timezone = "UTC")
            Instant day) {}

    @Test
    void responsesWriteTimestampsWithItAndAPropertysOwnPatternStillApplies() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of("micronaut.server.port", "-1"))) {
            ObjectMapper json = context.getBean(ObjectMapper.class);
            IsoInstantSerializer serializer = context.getBean(IsoInstantSerializer.class);
            assertThat(context.getBean(SerdeRegistry.class).findSerializer(Argument.of(Instant.class)))
                    .isSameAs(serializer);
            assertThat(serializer.createSpecific(null, Argument.of(Instant.class)))
                    .as("a property without a pattern is written by it")
                    .isSameAs(serializer);
            Instant at = Instant.parse("2026-12-03T04:30:41.123456Z");
            assertThat(json.writeValueAsString(new Stamps(at, null, at)))
                    .isEqualTo("{\"at\":\"2026-12-03T04:30:41.123456Z\",\"day\":\"2026-12-03\"}");
            assertThat(json.writeValueAsString(new Stamps(Instant.EPOCH, at, at)))
                    .isEqualTo("{\"at\":\"1970-01-01T00:00:00Z\",\"maybe\":\"2026-12-03T04:30:41.123456Z\","
                            + "\"day\":\"2026-12-03\"}");
            assertThat(json.readValue("{\"at\":\"2026-12-03T04:30:41.123456Z\"}", Stamps.class)
                            .at())
                    .isEqualTo(at);
        }
    }
}
