package io.strata.domain.messaging;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address (an internal user's or an external one), lower-cased: addresses compare case-insensitively. */
public record EmailAddress(String value) {
    public static final int MAX = 254;
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    public EmailAddress {
        value = parse("address", value);
    }

    /** The address, or a 400 naming {@code field} ({@code to[2]}). */
    public static EmailAddress of(String field, String value) {
        return new EmailAddress(parse(field, value));
    }

    private static String parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        Storable.text(field, value);
        String address = value.strip().toLowerCase(Locale.ROOT);
        if (address.length() > MAX || !SHAPE.matcher(address).matches()) {
            throw new ValidationException(field, "is not a valid e-mail address");
        }
        return address;
    }

    @Override
    public String toString() {
        return value;
    }
}
