package io.strata.domain.shared.query;

/** How a filter value is read from text and compared. */
public enum FieldType {
    TEXT,
    UUID,
    INSTANT,
    DATE,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    ENUM,
    /** A set of strings (tags); {@code cs} means "contains all of". */
    TEXT_SET,
    /** A JSON object ({@code jsonb}); {@code cs} means "contains this JSON object" (PostgreSQL's {@code @>}). */
    JSON_OBJECT
}
