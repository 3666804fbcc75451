package io.strata.adapters.web.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.content.Visibility;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A stored file's metadata as clients see it; the bytes are at {@code /api/v1/files/{id}/content}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "StoredFile")
public record FileResponse(
        UUID id,
        UUID ownerId,
        String name,
        String mimeType,
        long sizeBytes,

        @Schema(description = "SHA-256 of the content, hex; also the content's ETag")
        String sha256,

        Visibility visibility,
        long downloadCount,
        @Nullable Instant deletedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
