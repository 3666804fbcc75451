package io.strata.domain.shared.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ValidationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shared value objects. */
class ValuesTest {

    @Test
    void tagsAreTrimmedSortedDedupedAndBounded() {
        assertThat(Tags.of(List.of(" b", "a", "b ")).values()).containsExactly("a", "b");
        assertThatThrownBy(() -> Tags.of(List.of(" "))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Tags.of(List.of("x".repeat(51)))).hasMessageContaining("longer than 50");
        List<String> many =
                java.util.stream.IntStream.range(0, 51).mapToObj(i -> "t" + i).toList();
        assertThatThrownBy(() -> Tags.of(many)).hasMessageContaining("at most 50");
        assertThat(Tags.of(Set.of("a")).plus(Set.of("b")).minus(Set.of("a")).values())
                .containsExactly("b");
    }
}
