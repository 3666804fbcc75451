package io.strata.adapters.web.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.events.EventSink;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A sink as shown to an admin: never its secret. {@code secret} is set only in the creation/rotation answer. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EventSinkResponse(
        UUID id,
        String name,
        String kind,
        List<String> eventTypes,
        @Nullable String url,
        @Nullable String topicPrefix,
        @Nullable String username,
        int timeoutMs,
        boolean enabled,
        @Nullable String disabledReason,
        @Nullable Instant failingSince,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String secret) {

    static EventSinkResponse of(EventSink sink, String secret) {
        return new EventSinkResponse(
                sink.id().value(),
                sink.name(),
                sink.kind().name(),
                List.copyOf(sink.eventTypes()),
                sink.url(),
                sink.topicPrefix(),
                sink.username(),
                (int) sink.timeout().toMillis(),
                sink.enabled(),
                sink.disabledReason(),
                sink.failingSince(),
                sink.createdAt(),
                sink.updatedAt(),
                secret);
    }
}
