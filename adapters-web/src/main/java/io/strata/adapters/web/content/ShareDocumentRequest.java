package io.strata.adapters.web.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /documents/{id}/shares} ({@code userId} there) and {@code PUT .../shares/{userId}}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "ShareDocumentRequest",
        requiredProperties = {"permission"})
public record ShareDocumentRequest(
        @Schema(description = "The user to share with (POST only; PUT names it in the path)") @Nullable String userId,

        @Schema(description = "VIEW or EDIT", example = "VIEW") @Nullable String permission,

        @Schema(description = "Optional end of the share (in the future); an expired share grants nothing") @Nullable Instant expiresAt) {}
