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

    /**
     * {@code changes} merged onto {@code current}: nested objects merge key by key, a null value removes
     * the key, anything else replaces it. A partial update of preferences changes only what it names.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Map<String, Object> current, Map<String, Object> changes) {
        Map<String, Object> result = new LinkedHashMap<>(current == null ? Map.of() : current);
        changes.forEach((key, value) -> {
            if (value == null) {
                result.remove(key);
            } else if (value instanceof Map<?, ?> nested) {
                Object existing = result.get(key);
                Map<String, Object> base = existing instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                result.put(key, merge(base, (Map<String, Object>) nested));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }
}
