package io.strata.adapters.web.ai;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A price book version; prices are exact decimal strings (USD per million tokens). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ModelPrice")
public record ModelPriceResponse(
        UUID id,

        @Schema(description = "Model name or pattern (* as wildcard)")
        String model,

        boolean pattern,
        String inputPerMillion,
        String cachedInputPerMillion,
        String outputPerMillion,
        Instant effectiveFrom,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
