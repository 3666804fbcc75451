package io.strata.domain.shared.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Operators of the filter grammar {@code ?field=op.value}. */
public enum FilterOperator {
    EQ, NEQ, GT, GTE, LT, LTE, LIKE, ILIKE, IN, IS, CS;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FilterOperator> fromToken(String token) {
        return Arrays.stream(values()).filter(op -> op.token().equals(token)).findFirst();
    }
}
