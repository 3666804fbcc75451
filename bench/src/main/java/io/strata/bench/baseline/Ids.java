package io.strata.bench.baseline;

import java.util.UUID;

/** Ids in paths and bodies. */
final class Ids {
    private Ids() {
    }

    /** A UUID, or the 400 Strata gives for a value that does not convert. */
    static UUID parse(String field, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation(field, "'" + text + "' is not a valid UUID");
        }
    }
}
