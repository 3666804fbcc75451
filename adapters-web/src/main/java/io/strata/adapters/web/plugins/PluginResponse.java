package io.strata.adapters.web.plugins;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.plugins.PluginStatus;
import io.strata.domain.plugins.PluginType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A plugin as clients see it. {@code version} is the release's semantic version; {@code revision} the ETag's. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Plugin")
public record PluginResponse(
        UUID id,
        String slug,
        String name,

        @Schema(description = "the installed release's semantic version")
        String version,

        @Nullable String description,
        @Nullable String author,
        PluginType type,
        @Nullable String repositoryUrl,
        @Nullable String installPath,
        Map<String, Object> manifest,
        List<String> permissions,
        Map<String, Object> config,
        PluginStatus status,

        @Schema(description = "disabled because the security score fell to or below the threshold")
        boolean disabledByScore,

        @Schema(description = "0..100, from the undismissed violations; see /score")
        int securityScore,

        Instant installedAt,
        @Nullable Instant lastUpdated,
        @Nullable String installationId,

        @Schema(description = "the optimistic-lock version, as in the ETag")
        long revision,

        Instant createdAt,
        Instant updatedAt) {}
