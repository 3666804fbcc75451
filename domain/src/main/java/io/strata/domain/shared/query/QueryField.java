package io.strata.domain.shared.query;

import java.util.Objects;
import java.util.Set;

/** One field a resource lets clients filter and/or sort by, with its type and allowed operators. */
public record QueryField(
        String name,
        FieldType type,
        Set<FilterOperator> operators,
        boolean sortable,
        Class<? extends Enum<?>> enumType) {
    public QueryField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        operators = Set.copyOf(operators);
        if (type == FieldType.ENUM && enumType == null) {
            throw new IllegalArgumentException("ENUM field " + name + " needs its enum type");
        }
    }
}
