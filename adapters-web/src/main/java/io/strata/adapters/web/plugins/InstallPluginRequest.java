package io.strata.adapters.web.plugins;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** Body of {@code POST /api/v1/plugins}: install, or re-install the plugin with this slug. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "InstallPluginRequest",
        requiredProperties = {"slug", "name", "version", "type"},
        description = "An upsert by slug: a re-install replaces name, version, description, author, type, "
                + "repositoryUrl, installPath, manifest and permissions, and keeps config unless config is given.")
public record InstallPluginRequest(
        @Schema(example = "task-timer", description = "a-z, 0-9 and '-', 1..100; never UUID-shaped") @Nullable String slug,

        @Schema(example = "Task Timer") @Nullable String name,

        @Schema(example = "1.2.0", description = "semantic version") @Nullable String version,

        @Nullable String description,
        @Nullable String author,

        @Schema(
                example = "UI",
                allowableValues = {"UI", "DATA", "INTEGRATION", "AUTOMATION"})
        @Nullable String type,

        @Schema(example = "https://github.com/example/task-timer") @Nullable
        String repositoryUrl,

        @Nullable String installPath,
        @Nullable Map<String, Object> manifest,
        @Schema(example = "[\"read:tasks\"]") @Nullable List<String> permissions,

        @Schema(description = "The config (a JSON object); on a re-install, absent keeps the current one") @Nullable Map<String, Object> config,

        @Nullable String installationId) {}
