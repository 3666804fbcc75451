package io.strata.adapters.web.community;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Map;

/** The patchable fields of a guild's config (JSON Merge Patch of {@code PATCH .../config}). */
@Schema(
        name = "GuildConfigPatch",
        description = "JSON Merge Patch (RFC 7396): absent = unchanged; only name may be cleared with null. "
                + "settings replaces the whole object.")
public record GuildConfigPatchRequest(
        @Nullable String name,
        @Nullable String prefix,
        @Nullable Map<String, Object> settings,

        @Schema(description = "A whole number, at least 1") @Nullable BigDecimal maxPoints) {}
