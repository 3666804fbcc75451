package io.strata.adapters.web.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /files/{id}/visibility}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "VisibilityRequest",
        requiredProperties = {"visibility"})
public record VisibilityRequest(
        @Schema(example = "PUBLIC") @Nullable String visibility) {}
