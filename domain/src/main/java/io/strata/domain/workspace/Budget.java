package io.strata.domain.workspace;

import io.strata.domain.shared.error.ValidationException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** A non-negative amount with at most 2 decimals, in an ISO-4217 currency code. */
public record Budget(BigDecimal amount, String currency) {
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final BigDecimal MAX = new BigDecimal("1000000000000");

    public Budget {
        if (amount == null
                || amount.signum() < 0
                || amount.compareTo(MAX) >= 0
                || amount.stripTrailingZeros().scale() > 2) {
            throw new ValidationException("budget.amount", "must be 0 to 999999999999.99 with at most 2 decimals");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new ValidationException("budget.currency", "must be an ISO-4217 code such as EUR or USD");
        }
        amount = amount.setScale(2);
    }
}
