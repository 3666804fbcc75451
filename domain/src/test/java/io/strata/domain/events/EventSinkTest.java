package io.strata.domain.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.strata.domain.shared.error.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSinkTest {

    /** The fields a sink of {@code kind} at {@code url} is refused for; empty when it is accepted. */
    private static List<String> refused(SinkKind kind, String url) {
        ValidationException e = catchThrowableOfType(
                ValidationException.class,
                () -> EventSink.validate("sink", kind, List.of(), url, null, Duration.ofSeconds(5)));
        return e == null
                ? List.of()
                : e.errors().stream().map(ValidationException.FieldError::field).toList();
    }

    @Test
    void aUrlNamesAPortThatExistsOrNone() {
        assertThat(refused(SinkKind.WEBHOOK, "https://example.com/hook")).isEmpty();
        assertThat(refused(SinkKind.WEBHOOK, "http://127.0.0.1:1/hook")).isEmpty();
        assertThat(refused(SinkKind.MQTT, "tcp://broker:65535")).isEmpty();
        for (String url : List.of("http://127.0.0.1:0/hook", "https://example.com:65536/hook", "http://h:99999/")) {
            assertThat(refused(SinkKind.WEBHOOK, url)).as(url).containsExactly("url");
        }
        assertThat(refused(SinkKind.MQTT, "tcp://127.0.0.1:0")).containsExactly("url");
        assertThat(refused(SinkKind.MQTT, "ssl://broker:70000")).containsExactly("url");
    }
}
