package io.strata.domain.shared.value;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 7396 JSON Merge Patch applied to a JSON object, deeply: a member whose patch value is an object is merged
 * into the target's member (an object, or a new one when the target's is absent or not an object), a {@code null}
 * removes the member, any other value (string, number, boolean, array) replaces it whole. Every partial update of
 * a free-form JSON object goes through it (a plugin's config, a user's preferences), so they all merge alike;
 * PostgreSQL's {@code jsonb || jsonb} merges only top-level keys and would lose nested members.
 */
public final class JsonMergePatch {
    private JsonMergePatch() {}

    /** {@code patch} applied to {@code target}; neither is changed. Nulls inside a patch never reach the result. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> result = new LinkedHashMap<>(target == null ? Map.of() : target);
        patch.forEach((key, value) -> {
            if (value == null) {
                result.remove(key);
            } else if (value instanceof Map<?, ?> nested) {
                Object existing = result.get(key);
                Map<String, Object> base = existing instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                result.put(key, apply(base, (Map<String, Object>) nested));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }
}
