package io.strata.domain.community;

import io.strata.domain.shared.error.ValidationException;

/** Guilds and users are named by the chat platform's ids (snowflakes): positive 64-bit numbers. */
public final class ExternalIds {
    private ExternalIds() {}

    public static long require(String field, Long value) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        if (value <= 0) {
            throw new ValidationException(field, "must be a positive id");
        }
        return value;
    }
}
