package io.strata.adapters.web.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/admin/event-sinks/{id}/redeliveries}: one event, or a range of positions. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "RedeliverRequest")
public record RedeliverRequest(
        @Schema(format = "uuid") @Nullable String eventId,
        @Nullable Long fromPosition,
        @Nullable Long toPosition) {}
