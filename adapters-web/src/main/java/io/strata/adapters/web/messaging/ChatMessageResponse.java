package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A chat message; a deleted one keeps its place with no content. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ChatMessage")
public record ChatMessageResponse(
        UUID id,
        UUID roomId,
        UUID senderId,
        @Schema(description = "null once deleted") @Nullable String content,

        @Schema(description = "The thread's first message, for a reply") @Nullable UUID replyToId,

        List<UUID> attachments,
        @Nullable Instant editedAt,
        @Nullable Instant deletedAt,
        boolean deleted,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
