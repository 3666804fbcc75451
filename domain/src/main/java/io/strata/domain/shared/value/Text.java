package io.strata.domain.shared.value;

import io.strata.domain.shared.error.ValidationException;

/** Small checks for free-text fields, shared by every context; every value must be {@link Storable#text storable}. */
public final class Text {
    private Text() {}

    /** Trims; blank becomes null; longer than {@code max} is a validation error on {@code field}. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Storable.text(field, value);
        String v = value.strip();
        if (v.length() > max) {
            throw new ValidationException(field, "must be at most " + max + " characters");
        }
        return v;
    }

    /** Like {@link #optional} but blank is a validation error. */
    public static String required(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v == null) {
            throw new ValidationException(field, "must not be blank");
        }
        return v;
    }
}
