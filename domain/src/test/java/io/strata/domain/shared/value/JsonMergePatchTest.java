package io.strata.domain.shared.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 7396 applied deeply, with the RFC's own examples (appendix A) among them; identity and plugins use it. */
class JsonMergePatchTest {

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void nestedObjectsMergeMemberByMember() {
        Map<String, Object> target = map("theme", "dark", "settings", map("autoStart", true, "notifications", false));
        Map<String, Object> patched = JsonMergePatch.apply(target, map("settings", map("notifications", true)));
        assertThat(patched).isEqualTo(map("theme", "dark", "settings", map("autoStart", true, "notifications", true)));
        // jsonb || jsonb would have lost settings.autoStart
        assertThat(target).isEqualTo(map("theme", "dark", "settings", map("autoStart", true, "notifications", false)));
    }

    @Test
    void nullRemovesAMemberAtAnyDepth() {
        Map<String, Object> target = map("a", 1, "b", map("c", 2, "d", 3));
        assertThat(JsonMergePatch.apply(target, map("a", null, "b", map("c", null))))
                .isEqualTo(map("b", map("d", 3)));
        assertThat(JsonMergePatch.apply(target, map("missing", null))).isEqualTo(target);
    }

    @Test
    void arraysAndScalarsReplaceWhole() {
        Map<String, Object> target = map("features", List.of("f1", "f2"), "n", 1, "o", map("x", 1));
        assertThat(JsonMergePatch.apply(target, map("features", List.of("f3"), "n", "one", "o", "scalar")))
                .isEqualTo(map("features", List.of("f3"), "n", "one", "o", "scalar"));
    }

    @Test
    void anObjectOverAScalarOrNothingStartsFromEmptyAndDropsItsNulls() {
        assertThat(JsonMergePatch.apply(map("a", "x"), map("a", map("b", 1, "c", null))))
                .isEqualTo(map("a", map("b", 1)));
        assertThat(JsonMergePatch.apply(null, map("a", map("b", map("c", null)))))
                .isEqualTo(map("a", map("b", map())));
    }

    /** Appendix A, but its three cases whose target or patch is not an object: this merges objects only. */
    @Test
    void rfc7396AppendixAExamples() {
        assertThat(JsonMergePatch.apply(map("a", "b"), map("a", "c"))).isEqualTo(map("a", "c"));
        assertThat(JsonMergePatch.apply(map("a", "b"), map("b", "c"))).isEqualTo(map("a", "b", "b", "c"));
        assertThat(JsonMergePatch.apply(map("a", "b"), map("a", null))).isEqualTo(map());
        assertThat(JsonMergePatch.apply(map("a", "b", "b", "c"), map("a", null)))
                .isEqualTo(map("b", "c"));
        assertThat(JsonMergePatch.apply(map("a", List.of("b")), map("a", "c"))).isEqualTo(map("a", "c"));
        assertThat(JsonMergePatch.apply(map("a", "c"), map("a", List.of("b")))).isEqualTo(map("a", List.of("b")));
        assertThat(JsonMergePatch.apply(map("a", map("b", "c")), map("a", map("b", "d", "c", null))))
                .isEqualTo(map("a", map("b", "d")));
        assertThat(JsonMergePatch.apply(map("a", List.of(map("b", "c"))), map("a", List.of(1))))
                .isEqualTo(map("a", List.of(1)));
        assertThat(JsonMergePatch.apply(map("e", null), map("a", 1))).isEqualTo(map("e", null, "a", 1));
        assertThat(JsonMergePatch.apply(map(), map("a", map("bb", map("ccc", null)))))
                .isEqualTo(map("a", map("bb", map())));
    }
}
