package io.strata.domain.ai;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import java.math.BigDecimal;

/**
 * Exact US-dollar amounts of this context: costs carry 12 decimals (a price per million tokens has at most 6, so a
 * computed cost is exact), prices 6. No floating point anywhere.
 */
public final class Usd {
    public static final int COST_SCALE = 12;
    public static final int PRICE_SCALE = 6;
    /** Exclusive upper bound of a cost and of a price (numeric(24,12) and numeric(18,6) hold less than this). */
    public static final BigDecimal MAX = new BigDecimal("1000000000000");

    static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private Usd() {}

    /** A cost a client sends: 0 or more, below {@link #MAX}, at most 12 decimals. Null stays null. */
    public static BigDecimal cost(String field, BigDecimal value) {
        return amount(field, value, COST_SCALE);
    }

    /** A price per million tokens: 0 or more, below {@link #MAX}, at most 6 decimals. Null stays null. */
    public static BigDecimal price(String field, BigDecimal value) {
        return amount(field, value, PRICE_SCALE);
    }

    private static BigDecimal amount(String field, BigDecimal value, int scale) {
        if (value == null) {
            return null;
        }
        Storable.decimal(field, value); // bounds the exponent before any scale arithmetic
        if (value.signum() < 0
                || value.compareTo(MAX) >= 0
                || value.stripTrailingZeros().scale() > scale) {
            throw new ValidationException(
                    field,
                    "must be 0 to 999999999999 with at most " + scale + " decimals, was " + value.toPlainString());
        }
        return value.setScale(scale);
    }
}
