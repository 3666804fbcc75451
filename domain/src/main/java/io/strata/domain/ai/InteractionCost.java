package io.strata.domain.ai;

import java.math.BigDecimal;

/**
 * An interaction's cost in USD (12 decimals; null when unpriced), where it came from, and the price book version it
 * was computed from (only for {@link CostSource#PRICE_BOOK}).
 */
public record InteractionCost(BigDecimal usd, CostSource source, ModelPriceId priceVersion) {
    public static final InteractionCost UNPRICED = new InteractionCost(null, CostSource.UNPRICED, null);

    public static InteractionCost given(BigDecimal usd) {
        return new InteractionCost(Usd.cost("costUsd", usd), CostSource.GIVEN, null);
    }

    public static InteractionCost priced(ModelPrice price, TokenUsage tokens) {
        return new InteractionCost(price.rates().costOf(tokens), CostSource.PRICE_BOOK, price.id());
    }
}
