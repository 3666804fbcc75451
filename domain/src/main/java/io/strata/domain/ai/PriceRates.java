package io.strata.domain.ai;

import io.strata.domain.shared.error.ValidationCollector;
import io.strata.domain.shared.error.ValidationException;
import java.math.BigDecimal;

/**
 * USD per million tokens: prompt tokens at the input price, cached prompt tokens at the cached-input price (the
 * input price when none is set), completion tokens at the output price.
 */
public record PriceRates(BigDecimal inputPerMillion, BigDecimal cachedInputPerMillion, BigDecimal outputPerMillion) {
    /** Every invalid rate is reported at once. */
    public PriceRates {
        ValidationCollector checks = new ValidationCollector();
        BigDecimal input = inputPerMillion;
        BigDecimal cached = cachedInputPerMillion;
        BigDecimal output = outputPerMillion;
        inputPerMillion = checks.check(
                () -> Usd.price("inputPerMillion", ValidationException.requireValue("inputPerMillion", input)));
        cachedInputPerMillion = checks.check(() -> Usd.price("cachedInputPerMillion", cached));
        outputPerMillion = checks.check(
                () -> Usd.price("outputPerMillion", ValidationException.requireValue("outputPerMillion", output)));
        checks.throwIfAny();
        if (cachedInputPerMillion == null) {
            cachedInputPerMillion = inputPerMillion;
        }
    }

    /**
     * The exact cost of {@code tokens}, with 12 decimals: (uncached prompt x input + cached x cached input +
     * completion x output) / 1,000,000. The repricing statement computes the same formula in SQL.
     */
    public BigDecimal costOf(TokenUsage tokens) {
        BigDecimal perMillion = inputPerMillion
                .multiply(BigDecimal.valueOf(tokens.uncachedPromptTokens()))
                .add(cachedInputPerMillion.multiply(BigDecimal.valueOf(tokens.cachedPromptTokens())))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(tokens.completionTokens())));
        BigDecimal cost = perMillion.divide(Usd.MILLION).setScale(Usd.COST_SCALE);
        if (cost.compareTo(Usd.MAX) >= 0) {
            throw new ValidationException("costUsd", "the computed cost " + cost.toPlainString() + " is out of range");
        }
        return cost;
    }
}
