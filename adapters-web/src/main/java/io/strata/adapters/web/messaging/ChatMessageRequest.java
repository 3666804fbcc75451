package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Body of {@code POST /api/v1/rooms/{id}/messages}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "ChatMessageRequest",
        requiredProperties = {"content"})
public record ChatMessageRequest(
        @Schema(maxLength = 10000) @Nullable String content,

        @Schema(format = "uuid", description = "Reply to this message of the room (its thread)") @Nullable String replyToId,

        @Schema(description = "Ids of files the sender may read (at most 20)") @Nullable List<String> attachments) {}
