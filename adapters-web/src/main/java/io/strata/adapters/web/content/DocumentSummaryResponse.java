package io.strata.adapters.web.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.content.DocumentKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A document in a list: without its content and shares (GET the document for those). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "DocumentSummary")
public record DocumentSummaryResponse(
        UUID id,
        UUID ownerId,
        String title,
        DocumentKind kind,
        int revision,
        @Nullable Instant deletedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
