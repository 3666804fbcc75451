package io.strata.adapters.web.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One revision, complete: the title and content the document had, who wrote it and when. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "DocumentRevision")
public record DocumentRevisionResponse(
        UUID documentId,
        int revision,
        String title,
        Map<String, Object> content,
        UUID authorId,
        Instant createdAt,

        @Schema(description = "Set when the revision was hidden (on its own or with its document)") @Nullable Instant deletedAt) {}
