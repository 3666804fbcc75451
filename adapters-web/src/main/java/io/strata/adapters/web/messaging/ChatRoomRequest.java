package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/rooms}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "ChatRoomRequest",
        requiredProperties = {"name"})
public record ChatRoomRequest(
        @Schema(maxLength = 200) @Nullable String name) {}
