package io.strata.adapters.web.ai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/** Body of {@code POST /api/v1/ai/interactions}. Unknown fields are rejected. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "RecordInteractionRequest",
        requiredProperties = {"module", "model", "promptTokens", "completionTokens", "latencyMs"})
public record RecordInteractionRequest(
        @Schema(description = "The platform module that called the model", example = "documents") @Nullable String module,

        @Schema(example = "gpt-4o-mini") @Nullable String model,
        @Nullable String prompt,
        @Nullable String response,

        @Schema(minimum = "0", maximum = "1000000000") @Nullable Long promptTokens,

        @Schema(description = "Part of promptTokens served from the provider's cache; default 0", minimum = "0")
        @Nullable Long cachedPromptTokens,

        @Schema(minimum = "0", maximum = "1000000000") @Nullable Long completionTokens,

        @Schema(description = "Optional; must be promptTokens + completionTokens") @Nullable Long totalTokens,

        @Schema(
                description = "Cost in USD as given by the caller (at most 12 decimals); when absent it is computed "
                        + "from the price book version in effect at occurredAt, or left unpriced")
        @Nullable BigDecimal costUsd,

        @Schema(
                allowableValues = {"SUCCESS", "ERROR"},
                defaultValue = "SUCCESS")
        @Nullable String status,

        @Schema(description = "Only with status ERROR") @Nullable String errorMessage,

        @Schema(minimum = "0", maximum = "86400000") @Nullable Long latencyMs,

        @Schema(description = "When the call happened (default: now; not in the future)") @Nullable Instant occurredAt) {}
