package io.strata.adapters.web.ai;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** What a reprice changed; amounts are exact decimal strings (USD). */
@Serdeable
@Schema(name = "RepriceResult")
public record RepriceResponse(
        Instant from,
        Instant to,

        @Schema(description = "Interactions whose cost or price version changed")
        long repriced,

        @Schema(description = "Their cost before (unpriced ones count 0)")
        String previousCostUsd,

        String newCostUsd,

        @Schema(description = "newCostUsd - previousCostUsd")
        String differenceUsd) {}
