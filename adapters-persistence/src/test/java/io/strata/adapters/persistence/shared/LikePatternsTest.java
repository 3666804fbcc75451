package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternsTest {

    @Test
    void wildcardPatternsEscapeLikeMetacharacters() {
        assertThat(LikePatterns.wildcardPattern("a*b")).isEqualTo("a%b");
        assertThat(LikePatterns.wildcardPattern("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
        assertThat(LikePatterns.containsPattern("Ada_L")).isEqualTo("%ada\\_l%");
    }
}
