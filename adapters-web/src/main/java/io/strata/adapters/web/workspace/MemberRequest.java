package io.strata.adapters.web.workspace;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/projects/{id}/members}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "MemberRequest",
        requiredProperties = {"userId"})
public record MemberRequest(
        @Schema(format = "uuid") @Nullable String userId) {}
