package io.strata.adapters.web.plugins;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * The patchable fields of a plugin, declared once: the JSON Merge Patch {@code PATCH /api/v1/plugins/{id}} accepts
 * and its schema in the OpenAPI document. Only the config is changed this way (install changes the release).
 */
@Schema(
        name = "PluginPatch",
        description = "JSON Merge Patch (RFC 7396) of a plugin: config is merged deeply (nested objects merge, a null "
                + "member removes it, arrays are replaced whole); \"config\": null clears it.")
public record PluginPatchRequest(@Nullable Map<String, Object> config) {}
