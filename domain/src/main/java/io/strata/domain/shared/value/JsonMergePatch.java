package io.strata.domain.shared.value;

import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 7396 JSON Merge Patch over plain maps: objects merge recursively, null removes a key. */
public final class JsonMergePatch {
    private JsonMergePatch() {
    }

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
