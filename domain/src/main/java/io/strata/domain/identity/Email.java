package io.strata.domain.identity;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, lower-cased so that uniqueness is case-insensitive. */
public record Email(String value) {
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    public Email {
        if (value == null || value.isBlank()) {
            throw new ValidationException("email", "must not be blank");
        }
        Storable.text("email", value);
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new ValidationException("email", "is not a valid e-mail address");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
