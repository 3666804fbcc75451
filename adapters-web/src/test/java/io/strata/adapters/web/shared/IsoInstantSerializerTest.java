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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Responses write timestamps as {@code DateTimeFormatter.ISO_INSTANT} does (IsoInstantsTest checks the text). */
class IsoInstantSerializerTest {

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
