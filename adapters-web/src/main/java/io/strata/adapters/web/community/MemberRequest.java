package io.strata.adapters.web.community;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code PUT .../members/{userId}}: the member's current username on the chat platform. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "MemberRequest",
        requiredProperties = {"username"})
public record MemberRequest(
        @Schema(example = "tux") @Nullable String username) {}
