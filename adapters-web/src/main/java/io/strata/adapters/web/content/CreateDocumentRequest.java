package io.strata.adapters.web.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** Body of {@code POST /documents}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "CreateDocumentRequest",
        requiredProperties = {"title", "kind"})
public record CreateDocumentRequest(
        @Schema(description = "1..200 characters; unique among the owner's live documents (case-insensitive)") @Nullable String title,

        @Schema(description = "TEXT, SPREADSHEET or PRESENTATION", example = "TEXT") @Nullable String kind,

        @Schema(description = "A JSON object (default {})") @Nullable Map<String, Object> content) {}
