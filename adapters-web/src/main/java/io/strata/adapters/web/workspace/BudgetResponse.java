package io.strata.adapters.web.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Budget")
public record BudgetResponse(
        @Schema(example = "12500.00") BigDecimal amount,
        @Schema(example = "EUR") String currency) {}
