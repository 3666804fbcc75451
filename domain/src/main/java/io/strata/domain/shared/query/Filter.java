package io.strata.domain.shared.query;

import java.util.List;
import java.util.Objects;

/**
 * One allow-listed, typed filter condition. {@code values} are already converted to the field's
 * Java type (String, UUID, Instant, LocalDate, Long, BigDecimal, Boolean, the enum constant); for
 * {@code is} the single value is an {@link IsValue}. Adapters bind them as parameters, never as text.
 */
public record Filter(String field, FilterOperator operator, List<Object> values) {
    public Filter {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
    }

    public Object value() {
        return values.get(0);
    }

    /** Right-hand side of {@code is}. */
    public enum IsValue {
        NULL,
        NOT_NULL,
        TRUE,
        FALSE
    }
}
