package io.strata.adapters.web.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A login session. The token is never part of it (only its hash is stored). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Session")
public record SessionResponse(
        UUID id,
        UUID userId,
        Map<String, Object> deviceInfo,
        @Nullable String ipAddress,
        @Nullable String userAgent,
        Instant createdAt,
        @Nullable Instant lastSeenAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,

        @Schema(description = "True for the session this request was made with")
        boolean current) {}
