package io.strata.adapters.persistence.shared.replica;

/**
 * The write position the current request must see ({@code Strata-Consistency-Token}), if it presented one: a
 * read-only transaction goes to the replica only when the replica has replayed at least that far. Set per request on
 * the thread its work runs on, like {@code RowSecurity}'s acting user.
 */
public final class ReadConsistency {

    private static final ThreadLocal<Long> READ_AFTER = new ThreadLocal<>();

    private ReadConsistency() {}

    /** The position to read after, or null when the request carries none. */
    public static Long current() {
        return READ_AFTER.get();
    }

    /** Sets the position for this thread; returns the previous value for {@link #restore}. */
    public static Long enter(Long position) {
        Long previous = READ_AFTER.get();
        READ_AFTER.set(position);
        return previous;
    }

    public static void restore(Long previous) {
        if (previous == null) {
            READ_AFTER.remove();
        } else {
            READ_AFTER.set(previous);
        }
    }
}
