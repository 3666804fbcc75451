package io.strata.domain.shared.value;

import java.math.BigDecimal;

/**
 * Numbers in text read in the one notation this platform writes them in: ASCII digits. {@code Integer.parseInt},
 * {@code Long.parseLong} and {@code new BigDecimal(String)} also read the digits of every other script ({@code "١٠"}
 * is 10 to them) and a leading {@code +}; text from a client (a query string is decoded as UTF-8, a body's strings,
 * a cursor the client could forge) reaches them as it was sent. Every layer that reads such a number reads it here:
 * what these methods refuse is no number, and the caller answers with its own validation error.
 */
public final class AsciiNumbers {
    /** Digits that always fit a {@code long}, read without an overflow check. */
    private static final int SAFE_DIGITS = 18;

    private AsciiNumbers() {}

    /** {@code text} as a whole number of 0 or more (ASCII digits only, nothing else), or -1 if it is none or too large. */
    public static long wholeNumber(CharSequence text) {
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

    /**
     * {@code text} as a whole number with an optional leading {@code -} (ASCII), from {@link Long#MIN_VALUE} to
     * {@link Long#MAX_VALUE}, or null if it is none or beyond a long.
     */
    public static Long integer(String text) {
        if (text == null) {
            return null;
        }
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        long magnitude = wholeNumber(digits);
        if (magnitude < 0) {
            // -2^63, the one long whose magnitude is no long (a cursor may carry it, as Long.toString writes it)
            return negative && LONG_MIN_MAGNITUDE.equals(withoutLeadingZeros(digits)) ? Long.MIN_VALUE : null;
        }
        return negative ? -magnitude : magnitude;
    }

    private static final String LONG_MIN_MAGNITUDE = "9223372036854775808";

    private static String withoutLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }

    /**
     * {@code text} as a decimal number in {@code BigDecimal}'s notation ({@code -1.5e2}), its digits ASCII, or null
     * if it is none. Its size is the caller's to bound ({@link Storable#decimal}).
     */
    public static BigDecimal decimal(String text) {
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
}
