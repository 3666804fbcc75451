package io.strata.domain.shared.query;

/**
 * How a filter compares a field with its values: equality and order ({@code EQ} .. {@code LTE}),
 * patterns ({@code LIKE}, {@code ILIKE}; {@code *} is the wildcard), membership ({@code IN}),
 * {@code IS} null/not null/true/false, and {@code CS}: a set contains all the values, or a JSON object contains
 * the given one (its value is then the JSON text).
 */
public enum FilterOperator {
    EQ,
    NEQ,
    GT,
    GTE,
    LT,
    LTE,
    LIKE,
    ILIKE,
    IN,
    IS,
    CS
}
