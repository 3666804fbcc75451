package io.strata.domain.identity;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits on free-form JSON objects (preferences, device info): storable as {@code jsonb} (see
 * {@link Storable#json}) and small, so one user cannot store megabytes.
 */
public final class Preferences {
    static final int MAX_KEYS = 100;

    private Preferences() {}

    /** An unmodifiable copy; JSON null values are allowed, so Map.copyOf is not. */
    public static Map<String, Object> freeze(Map<String, Object> prefs) {
        return prefs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(prefs));
    }

    /** Checks the limits and returns an unmodifiable copy. */
    public static Map<String, Object> check(String field, Map<String, Object> prefs) {
        if (prefs == null) {
            return Map.of();
        }
        if (prefs.size() > MAX_KEYS) {
            throw new ValidationException(field, "at most " + MAX_KEYS + " keys");
        }
        if (prefs.keySet().stream().anyMatch(java.util.Objects::isNull)) {
            throw new ValidationException(field, "keys must not be null");
        }
        Storable.json(field, prefs);
        if (prefs.toString().length() > 16_384) {
            throw new ValidationException(field, "must be at most 16 KiB");
        }
        return freeze(prefs);
    }
}
