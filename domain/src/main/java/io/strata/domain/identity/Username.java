package io.strata.domain.identity;

import io.strata.domain.shared.error.ValidationException;
import java.util.regex.Pattern;

/** 3 to 50 characters of {@code [a-z0-9_.-]}. */
public record Username(String value) {
    private static final Pattern SHAPE = Pattern.compile("^[a-z0-9_.-]{3,50}$");

    public Username {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new ValidationException("username", "must be 3 to 50 characters of a-z, 0-9, '_', '.', '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
