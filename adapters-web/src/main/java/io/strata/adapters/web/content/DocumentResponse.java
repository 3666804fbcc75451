package io.strata.adapters.web.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.content.DocumentAccess;
import io.strata.domain.content.DocumentKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A document at its current revision, with what the caller may do with it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Document")
public record DocumentResponse(
        UUID id,
        UUID ownerId,
        String title,
        DocumentKind kind,
        Map<String, Object> content,

        @Schema(description = "1, 2, ...: every content change is a new revision")
        int revision,

        @Schema(description = "The caller's access: MANAGE (owner or ADMIN), EDIT or VIEW (a share)")
        DocumentAccess access,

        @Schema(description = "Live shares; only for MANAGE, empty otherwise")
        List<DocumentShareResponse> shares,

        @Nullable Instant deletedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
