package io.strata.adapters.web.ai;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** One group of the usage report (or the total). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "UsageRow")
public record UsageRowResponse(
        @Schema(description = "YYYY-MM-DD (day in the report's zone), model, module or user id; null for the total")
        @Nullable String key,

        long interactions,
        long errors,
        long promptTokens,
        long cachedPromptTokens,
        long completionTokens,
        long totalTokens,

        @Schema(description = "USD, exact decimal string: the cost of the priced interactions")
        String costUsd,

        @Schema(description = "Interactions without a cost") long unpriced,

        @Schema(description = "Median latency (continuous percentile, interpolated)")
        double p50LatencyMs,

        @Schema(description = "95th percentile latency (continuous, interpolated)")
        double p95LatencyMs) {}
