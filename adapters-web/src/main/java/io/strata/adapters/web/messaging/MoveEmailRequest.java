package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/mail/emails/{id}/move}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "MoveEmailRequest", requiredProperties = "folder")
public record MoveEmailRequest(
        @Schema(allowableValues = {"INBOX", "TRASH", "ARCHIVE"}) @Nullable String folder) {}
