package io.strata.adapters.web.plugins;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.plugins.Severity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A row of a plugin's security ledger. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "SecurityViolation")
public record ViolationResponse(
        UUID id,
        UUID pluginId,
        String pluginVersion,
        String check,
        Severity severity,
        @Nullable String evidence,
        Instant recordedAt,
        @Nullable UUID recordedBy,
        @Nullable Instant dismissedAt,
        @Nullable UUID dismissedBy,
        @Nullable String dismissReason) {}
