package io.strata.adapters.web.ai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/ai/reprice}: the range {@code [from, to)} of occurredAt. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "RepriceRequest",
        requiredProperties = {"from", "to"})
public record RepriceRequest(
        @Nullable Instant from,
        @Nullable Instant to,

        @Schema(description = "Also replace costs the client gave (default false)") @Nullable Boolean includeGivenCosts) {}
