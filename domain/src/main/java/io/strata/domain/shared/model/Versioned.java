package io.strata.domain.shared.model;

import io.strata.domain.shared.error.StaleVersionException;

/** Optimistic-lock check shared by every aggregate's use cases. */
public final class Versioned {
    private Versioned() {}

    /** Throws {@link StaleVersionException} unless {@code expected} equals {@code actual}. */
    public static void require(String what, Object id, long expected, long actual) {
        if (expected != actual) {
            throw new StaleVersionException(what, id, expected, actual);
        }
    }
}
