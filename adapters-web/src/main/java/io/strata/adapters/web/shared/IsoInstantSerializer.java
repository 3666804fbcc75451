package io.strata.adapters.web.shared;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.config.annotation.SerdeConfig;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.support.serdes.InstantSerde;
import io.strata.domain.shared.value.IsoInstants;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Writes every {@link Instant} of a response as the text {@link DateTimeFormatter#ISO_INSTANT} gives
 * ({@code 2026-12-03T04:30:41.123456Z}: UTC, seconds always, the fraction in groups of three digits as needed), which
 * is what Micronaut Serialization's built-in serializer writes, without going through a formatter ({@link IsoInstants}):
 * formatting timestamps through {@code DateTimeFormatter} was 5.7% of the CPU of a page of users in the benchmark's
 * profile (five timestamps a user). {@code @Primary} over the built-in one; a property with its own pattern, or a
 * configuration that changes how dates are written ({@code micronaut.serde.date-format}, time zone, timestamps), is
 * still written by the built-in serializer.
 */
@Singleton
@Primary
public final class IsoInstantSerializer implements Serializer<Instant> {
    private final Serializer<Instant> builtIn;
    private final boolean isoText;

    IsoInstantSerializer(SerdeConfiguration configuration) {
        this.builtIn = new InstantSerde(configuration);
        this.isoText = configuration.getDateFormat().isEmpty()
                && configuration.getTimeZone().isEmpty()
                && configuration.getTimeWriteShape() == SerdeConfiguration.TimeShape.STRING;
    }

    @Override
    public Serializer<Instant> createSpecific(EncoderContext context, Argument<? extends Instant> type)
            throws SerdeException {
        boolean ownPattern = type.getAnnotationMetadata()
                .stringValue(SerdeConfig.class, SerdeConfig.PATTERN)
                .isPresent();
        return isoText && !ownPattern ? this : builtIn.createSpecific(context, type);
    }

    @Override
    public void serialize(Encoder encoder, EncoderContext context, Argument<? extends Instant> type, Instant value)
            throws IOException {
        if (isoText) {
            encoder.encodeString(IsoInstants.text(value));
        } else {
            builtIn.serialize(encoder, context, type, value);
        }
    }
}
