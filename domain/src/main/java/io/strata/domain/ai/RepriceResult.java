package io.strata.domain.ai;

import java.math.BigDecimal;

/**
 * What a reprice changed: how many interactions got a cost from the price book, their cost before (unpriced ones
 * count 0) and after, and the difference (after - before); all exact.
 */
public record RepriceResult(long repriced, BigDecimal previousCostUsd, BigDecimal newCostUsd) {
    public BigDecimal differenceUsd() {
        return newCostUsd.subtract(previousCostUsd);
    }
}
