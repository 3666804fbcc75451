package io.strata.adapters.web.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.content.SharePermission;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A live share (shown to the owner and ADMINs only); past {@code expiresAt} it grants nothing. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "DocumentShare")
public record DocumentShareResponse(
        UUID userId, SharePermission permission, @Nullable Instant expiresAt, Instant sharedAt) {}
