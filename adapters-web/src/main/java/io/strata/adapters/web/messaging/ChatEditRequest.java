package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/rooms/{id}/messages/{messageId}/edits}: the new content. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "ChatEditRequest",
        requiredProperties = {"content"})
public record ChatEditRequest(
        @Schema(maxLength = 10000) @Nullable String content) {}
