package io.strata.adapters.web.plugins;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A violation recorded or dismissed, and the plugin with its recomputed score (and status). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ViolationOutcome")
public record ViolationOutcomeResponse(ViolationResponse violation, PluginResponse plugin) {}
