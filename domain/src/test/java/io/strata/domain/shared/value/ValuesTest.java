package io.strata.domain.shared.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shared value objects: tags and merge patches. */
class ValuesTest {

    @Test
    void tagsAreTrimmedSortedDedupedAndBounded() {
        assertThat(Tags.of(List.of(" b", "a", "b ")).values()).containsExactly("a", "b");
        assertThatThrownBy(() -> Tags.of(List.of(" "))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Tags.of(List.of("x".repeat(51)))).hasMessageContaining("longer than 50");
        List<String> many = java.util.stream.IntStream.range(0, 51).mapToObj(i -> "t" + i).toList();
        assertThatThrownBy(() -> Tags.of(many)).hasMessageContaining("at most 50");
        assertThat(Tags.of(Set.of("a")).plus(Set.of("b")).minus(Set.of("a")).values()).containsExactly("b");
    }

    @Test
    void mergePatchFollowsRfc7396() {
        Map<String, Object> target = new HashMap<>();
        target.put("a", "b");
        target.put("c", Map.of("d", "e", "f", "g"));
        Map<String, Object> patch = new HashMap<>();
        patch.put("a", "z");
        Map<String, Object> nested = new HashMap<>();
        nested.put("f", null);
        patch.put("c", nested);
        patch.put("n", List.of(1));
        Map<String, Object> result = JsonMergePatch.apply(target, patch);
        assertThat(result).containsEntry("a", "z").containsEntry("c", Map.of("d", "e")).containsEntry("n", List.of(1));
        Map<String, Object> remove = new HashMap<>();
        remove.put("a", null);
        assertThat(JsonMergePatch.apply(result, remove)).doesNotContainKey("a");
    }
}
