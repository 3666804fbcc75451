package io.strata.domain.identity;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import java.util.Locale;

/**
 * An e-mail address, lower-cased so that uniqueness is case-insensitive. Its shape is that of the regular expression
 * {@code ^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$}, checked by a scan: every user read from the database is made
 * again through this constructor, and the regular expression was a visible share of a list page's CPU.
 */
public record Email(String value) {
    public Email {
        if (value == null || value.isBlank()) {
            throw new ValidationException("email", "must not be blank");
        }
        Storable.text("email", value);
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !wellFormed(value)) {
            throw new ValidationException("email", "is not a valid e-mail address");
        }
    }

    /** One '@' after 1 to 64 characters, then a '.' with a character before it and after it; no whitespace. */
    private static boolean wellFormed(String value) {
        int at = value.indexOf('@');
        if (at < 1 || at > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c == '@' && i != at) || c == ' ' || (c >= '\t' && c <= '\r')) { // \s: space, \t \n \x0B \f \r
                return false;
            }
        }
        int dot = value.indexOf('.', at + 2);
        return dot > 0 && dot < value.length() - 1;
    }

    @Override
    public String toString() {
        return value;
    }
}
