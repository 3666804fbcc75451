package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.Nullable;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.AsciiNumbers;

/**
 * The web's readings of numbers that clients send as text (query parameters, headers) beyond the number itself:
 * a list's page size and the message of a number out of its range. The numbers are read by {@link AsciiNumbers}
 * (ASCII digits only; the JDK's parsers also take other scripts' digits and a {@code +}).
 */
public final class ClientNumbers {

    private ClientNumbers() {}

    /**
     * A list's page size from its query parameter: {@code fallback} when it is absent or blank, else a whole number
     * from 1 to {@code max} (surrounding white space ignored), else a 400 on {@code field}.
     */
    public static int limit(@Nullable String text, String field, int max, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        long value = AsciiNumbers.wholeNumber(text.strip());
        if (value >= 1 && value <= max) {
            return (int) value;
        }
        throw new ValidationException(field, outOfRange(1, max, text));
    }

    /** The message of a number that is not a whole number from {@code min} to {@code max}. */
    public static String outOfRange(long min, long max, String text) {
        return "must be a whole number from " + min + " to " + max + ", was '" + Problems.abbreviate(text) + "'";
    }
}
