package io.strata.adapters.web.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Body of {@code POST /api/v1/admin/event-sinks}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "CreateEventSinkRequest",
        requiredProperties = {"name", "kind"})
public record CreateEventSinkRequest(
        @Schema(example = "orders-webhook") @Nullable String name,

        @Schema(allowableValues = {"LOG", "WEBHOOK", "MQTT"}) @Nullable String kind,

        @Schema(description = "event types to deliver (all when absent or empty)") @Nullable List<String> eventTypes,

        @Schema(description = "WEBHOOK: http(s) endpoint; MQTT: tcp:// or ssl:// broker") @Nullable
        String url,

        @Schema(description = "MQTT: topics are <prefix>/<event type> (default strata/events)") @Nullable String topicPrefix,

        @Schema(description = "MQTT: broker user name") @Nullable String username,

        @Schema(description = "MQTT: broker password (never returned)") @Nullable String password,

        @Schema(description = "per attempt, 100-60000 (default 5000)") @Nullable Integer timeoutMs) {}
