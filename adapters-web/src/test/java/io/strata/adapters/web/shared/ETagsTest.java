package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.strata.domain.shared.error.ValidationException;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void anETagIsTheQuotedVersion() {
        assertThat(ETags.of(0)).isEqualTo("\"0\"");
        assertThat(ETags.of(42)).isEqualTo("\"42\"");
        assertThat(ETags.tag(HttpResponse.ok(), 7).getHeaders().get(HttpHeaders.ETAG))
                .isEqualTo("\"7\"");
    }

    @Test
    void ifMatchGivesTheExpectedVersion() {
        assertThat(ETags.requireIfMatch("\"3\"")).isEqualTo(3L);
        assertThat(ETags.requireIfMatch("  \"12\" ")).isEqualTo(12L);
        assertThat(ETags.requireIfMatch("5")).isEqualTo(5L);
        assertThat(ETags.optionalIfMatch("\"0\"")).isZero();
    }

    @Test
    void aMissingIfMatchIsAPreconditionRequired() {
        assertThatThrownBy(() -> ETags.requireIfMatch(null))
                .isInstanceOf(PreconditionRequiredException.class)
                .hasMessageContaining("If-Match");
        assertThatThrownBy(() -> ETags.requireIfMatch("  ")).isInstanceOf(PreconditionRequiredException.class);
        assertThat(ETags.optionalIfMatch(null)).isNull();
        assertThat(ETags.optionalIfMatch("")).isNull();
    }

    @Test
    void wildcardWeakListsAndGarbageAreValidationErrorsOnTheHeader() {
        for (String bad : new String[] {
            "*",
            "W/\"3\"",
            "\"1\", \"2\"",
            "\"abc\"",
            "\"\"",
            "\"-1\"",
            "\"3",
            "\"99999999999999999999\"",
            "\"\u0663\"",
            "\"1\uFF12\""
        }) {
            assertThatThrownBy(() -> ETags.requireIfMatch(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("If-Match"));
        }
        assertThatThrownBy(() -> ETags.requireIfMatch("*")).hasMessageContaining("'*' is not accepted");
    }
}
