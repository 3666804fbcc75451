package io.strata.adapters.web.identity;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.Set;

/**
 * Documentation only: the JSON Merge Patch accepted by {@code PATCH /api/v1/users/{id}} (the
 * controller reads the body as a map so that absent and {@code null} differ). {@code role} and
 * {@code status} need ADMIN; any other field is rejected.
 */
@Schema(name = "UserPatch", description = "JSON Merge Patch (RFC 7396): absent = unchanged, null = cleared. "
        + "role and status need ADMIN; id, email, version and timestamps are never patchable.")
public record UserPatchRequest(
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable Set<String> tags,
        @Schema(description = "Merged into the stored preferences (null values remove keys)")
        @Nullable Map<String, Object> preferences,
        @Schema(allowableValues = {"ADMIN", "MANAGER", "USER", "GUEST"}) @Nullable String role,
        @Schema(allowableValues = {"ACTIVE", "INACTIVE"}) @Nullable String status) {
}
