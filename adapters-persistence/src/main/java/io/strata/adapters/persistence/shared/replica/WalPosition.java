package io.strata.adapters.persistence.shared.replica;

import java.util.Optional;

/**
 * A position in PostgreSQL's write-ahead log ({@code pg_lsn}) as an unsigned 64-bit number; PostgreSQL writes it as
 * two hexadecimal halves, {@code 16/B374D848}. Consistency tokens carry it in that form.
 */
public final class WalPosition {

    private WalPosition() {}

    /** The position written as PostgreSQL writes it, or empty when {@code text} is not one. */
    public static Optional<Long> parse(String text) {
        if (text == null || text.length() > 17) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 1 || slash > 8 || text.length() - slash - 1 < 1 || text.length() - slash - 1 > 8) {
            return Optional.empty();
        }
        try {
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            return Optional.of((high << 32) | low);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static String format(long position) {
        return Long.toHexString(position >>> 32).toUpperCase() + "/"
                + Long.toHexString(position & 0xFFFFFFFFL).toUpperCase();
    }

    /** Unsigned comparison: true when {@code a} is at or after {@code b}. */
    public static boolean atOrAfter(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0;
    }
}
