package io.strata.domain.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSinkTest {

    private static void validate(SinkKind kind, String url) {
        EventSink.validate("sink", kind, List.of(), url, null, Duration.ofSeconds(5));
    }

    @Test
    void aUrlNamesAPortThatExistsOrNone() {
        assertThatCode(() -> validate(SinkKind.WEBHOOK, "https://example.com/hook"))
                .doesNotThrowAnyException();
        assertThatCode(() -> validate(SinkKind.WEBHOOK, "http://127.0.0.1:1/hook"))
                .doesNotThrowAnyException();
        assertThatCode(() -> validate(SinkKind.MQTT, "tcp://broker:65535")).doesNotThrowAnyException();
        for (String url : List.of("http://127.0.0.1:0/hook", "https://example.com:65536/hook", "http://h:99999/")) {
            assertThatThrownBy(() -> validate(SinkKind.WEBHOOK, url))
                    .as(url)
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors())
                                    .extracting(ValidationException.FieldError::field)
                                    .containsExactly("url"));
        }
        assertThatThrownBy(() -> validate(SinkKind.MQTT, "tcp://127.0.0.1:0")).isInstanceOf(ValidationException.class);
    }
}
