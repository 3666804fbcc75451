package io.strata.adapters.web.ai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/** Body of {@code POST /api/v1/ai/prices}: a new price book version. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "AddModelPriceRequest",
        requiredProperties = {"model", "inputPerMillion", "outputPerMillion", "effectiveFrom"})
public record AddModelPriceRequest(
        @Schema(description = "A model name, or a pattern with * as wildcard", example = "gpt-4o*") @Nullable String model,

        @Schema(description = "USD per million prompt tokens, at most 6 decimals", example = "2.5") @Nullable BigDecimal inputPerMillion,

        @Schema(description = "USD per million cached prompt tokens (default: inputPerMillion)") @Nullable BigDecimal cachedInputPerMillion,

        @Schema(description = "USD per million completion tokens", example = "10") @Nullable BigDecimal outputPerMillion,

        @Schema(description = "From when this version applies") @Nullable Instant effectiveFrom) {}
