package io.strata.domain.ai;

import java.math.BigDecimal;

/**
 * One group of a usage report ({@code key} is the day {@code YYYY-MM-DD}, the model, the module or the user id;
 * null for the total over all groups): interactions, errors, tokens by kind, exact cost of the priced ones (12
 * decimals), how many are unpriced, and the exact 50th and 95th latency percentiles (continuous, interpolated).
 */
public record UsageRow(
        String key,
        long interactions,
        long errors,
        long promptTokens,
        long cachedPromptTokens,
        long completionTokens,
        long totalTokens,
        BigDecimal costUsd,
        long unpriced,
        double p50LatencyMs,
        double p95LatencyMs) {}
