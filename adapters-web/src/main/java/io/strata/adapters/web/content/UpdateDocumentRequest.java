package io.strata.adapters.web.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** Body of {@code PUT /documents/{id}}: the new content (and title), stored as a new revision. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "UpdateDocumentRequest",
        requiredProperties = {"content"})
public record UpdateDocumentRequest(
        @Schema(description = "The new title; absent keeps it") @Nullable String title,

        @Schema(description = "The whole new content, a JSON object") @Nullable Map<String, Object> content) {}
