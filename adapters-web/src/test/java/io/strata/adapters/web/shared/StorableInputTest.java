package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.convert.value.ConvertibleMultiValues;
import io.strata.domain.shared.error.ValidationException.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableInputTest {

    private static FieldError json(String text) {
        return StorableInput.firstProblem(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesTheJsonFieldAsTheClientWroteIt() {
        assertThat(json("{\"name\":\"a\\u0000b\"}").field()).isEqualTo("name");
        assertThat(json("{\"tasks\":[{\"title\":\"ok\"},{\"title\":\"\\ud800\"}]}")
                        .field())
                .isEqualTo("tasks[1].title");
        assertThat(json("{\"preferences\":{\"theme\":{\"colors\":[\"red\",\"\\u0000\"]}}}")
                        .field())
                .isEqualTo("preferences.theme.colors[1]");
        assertThat(json("{\"tags\":[\"a\",\"\\udc00\"]}").field()).isEqualTo("tags[1]");
        assertThat(json("\"\\u0000\"").field()).isNull();
    }

    @Test
    void keysAndNumbersAreCheckedToo() {
        FieldError key = json("{\"preferences\":{\"k\\u0000\":1}}");
        assertThat(key.field()).isEqualTo("preferences");
        assertThat(key.message()).isEqualTo("a key must not contain the NUL character (U+0000)");
        assertThat(json("{\"hours\":1e999999999}").field()).isEqualTo("hours");
        assertThat(json("{\"budget\":{\"amount\":1e-999999}}").field()).isEqualTo("budget.amount");
        assertThat(json("{\"hours\":1.5,\"n\":123456789012345678901234567890}")).isNull();
    }

    @Test
    void leavesWellFormedStorableAndMalformedJsonToTheBinder() {
        assertThat(json("{\"name\":\"é 😀 \\u202e\",\"list\":[null,true,{\"a\":[]}]}"))
                .isNull();
        assertThat(json("{\"name\":")).isNull();
        assertThat(json("[".repeat(5000))).isNull();
        assertThat(StorableInput.firstProblem(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'}))
                .isNull();
    }

    @Test
    void checksQueryParametersAndThePath() {
        ConvertibleMultiValues<String> ok = ConvertibleMultiValues.of(Map.of("q", List.of("é")));
        assertThat(StorableInput.firstProblem("/api/v1/users", ok)).isNull();
        assertThat(StorableInput.firstProblem(
                                "/api/v1/users", ConvertibleMultiValues.of(Map.of("q", List.of("ok", "a\u0000"))))
                        .field())
                .isEqualTo("q");
        assertThat(StorableInput.firstProblem(
                                "/api/v1/users", ConvertibleMultiValues.of(Map.of("\uD800", List.of("x"))))
                        .message())
                .startsWith("a query parameter name");
        assertThat(StorableInput.firstProblem("/api/v1/users/\u0000", ok).field())
                .isEqualTo("path");
    }
}
