package io.strata.adapters.web.ai;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.ai.CostSource;
import io.strata.domain.ai.InteractionStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** An AI interaction as clients see it. Money is an exact decimal string. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "AiInteraction")
public record AiInteractionResponse(
        UUID id,
        UUID userId,
        String module,
        String model,
        @Nullable String prompt,
        @Nullable String response,
        long promptTokens,
        long cachedPromptTokens,
        long completionTokens,
        long totalTokens,

        @Schema(
                description = "USD, exact decimal string with 12 decimals; null when unpriced",
                example = "0.000412500000")
        @Nullable String costUsd,

        CostSource costSource,

        @Schema(description = "Id of the price book version the cost was computed from (PRICE_BOOK only)") @Nullable UUID priceVersion,

        long latencyMs,
        InteractionStatus status,
        @Nullable String errorMessage,
        Instant occurredAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
