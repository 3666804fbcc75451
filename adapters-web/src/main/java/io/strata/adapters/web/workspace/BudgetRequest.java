package io.strata.adapters.web.workspace;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** A project budget in a request: both fields are required. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "BudgetRequest",
        requiredProperties = {"amount", "currency"})
public record BudgetRequest(
        @Schema(description = "0 to 999999999999.99, at most 2 decimals", example = "12500.00") @Nullable BigDecimal amount,

        @Schema(description = "ISO-4217 code", example = "EUR") @Nullable String currency) {}
