package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.Nullable;
import io.strata.domain.shared.error.ValidationException;
import java.math.BigDecimal;

/**
 * Numbers that clients send as text (query parameters, headers), read in the one notation this API writes them in:
 * ASCII digits. {@code Integer.parseInt}, {@code Long.parseLong} and {@code new BigDecimal(String)} also read the
 * digits of every other script ({@code "١٠"} is 10 to them) and a leading {@code +}; a query string is decoded as
 * UTF-8, so such text reaches the API as it was sent. Here it is not a number: the caller answers 400.
 */
public final class ClientNumbers {
    /** Digits that always fit a {@code long}, read without an overflow check. */
    private static final int SAFE_DIGITS = 18;

    private ClientNumbers() {}

    /** {@code text} as a whole number of 0 or more (ASCII digits only, nothing else), or -1 if it is none or too large. */
    public static long wholeNumber(@Nullable CharSequence text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        int length = text.length();
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            int digit = c - '0';
            if (i >= SAFE_DIGITS && value > (Long.MAX_VALUE - digit) / 10) {
                return -1; // beyond a long
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** {@code text} as a whole number with an optional leading {@code -} (ASCII), or null if it is none or too large. */
    public static @Nullable Long integer(@Nullable String text) {
        if (text == null) {
            return null;
        }
        boolean negative = text.startsWith("-");
        long magnitude = wholeNumber(negative ? text.substring(1) : text);
        if (magnitude < 0) {
            return null;
        }
        return negative ? -magnitude : magnitude;
    }

    /**
     * {@code text} as a decimal number in {@code BigDecimal}'s notation ({@code -1.5e2}), its digits ASCII, or null
     * if it is none. Its size is the caller's to bound ({@code Storable.decimal}).
     */
    public static @Nullable BigDecimal decimal(@Nullable String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '+' && c != '-' && c != '.' && c != 'e' && c != 'E') {
                return null; // BigDecimal's grammar in ASCII: it reads any script's digits otherwise
            }
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null; // not its grammar, or an exponent beyond an int
        }
    }

    /**
     * A list's page size from its query parameter: {@code fallback} when it is absent or blank, else a whole number
     * from 1 to {@code max} (surrounding white space ignored), else a 400 on {@code field}.
     */
    public static int limit(@Nullable String text, String field, int max, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        long value = wholeNumber(text.strip());
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
