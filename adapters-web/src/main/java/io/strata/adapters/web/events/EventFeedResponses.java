package io.strata.adapters.web.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The admin feed's and the backlog's bodies. */
final class EventFeedResponses {
    private EventFeedResponses() {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FeedPage(List<FeedEvent> items, @Nullable String nextCursor, boolean more) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FeedEvent(
            UUID eventId,
            long position,
            String type,
            String aggregateType,
            UUID aggregateId,
            long sequence,
            Instant occurredAt,
            Map<String, Object> payload,
            List<SinkDelivery> deliveries) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SinkDelivery(
            UUID sinkId,
            String sink,
            String state,
            int attempts,
            @Nullable Instant deliveredAt) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Backlog(
            UUID sinkId,
            String sink,
            boolean enabled,
            long pending,
            @Nullable Instant oldestUndelivered,
            @Nullable Long oldestUndeliveredAgeMs) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AttemptResponse(
            long position,
            UUID eventId,
            Instant attemptedAt,
            boolean succeeded,
            @Nullable Integer statusCode,
            long latencyMs,
            @Nullable String response) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Redelivered(int queued) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Secret(String secret) {}
}
