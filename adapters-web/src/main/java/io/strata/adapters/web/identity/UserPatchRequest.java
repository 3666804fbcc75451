package io.strata.adapters.web.identity;

import io.micronaut.core.annotation.Nullable;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.user.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.Set;

/**
 * The patchable fields of a user, declared once: the JSON Merge Patch that {@code PATCH /api/v1/users/{id}}
 * accepts ({@code MergePatch.of(body, UserPatchRequest.class)} rejects any other field) and its schema in the
 * OpenAPI document. The controller reads the body as a JSON tree so that absent and {@code null} differ.
 */
@Schema(
        name = "UserPatch",
        description = "JSON Merge Patch (RFC 7396): absent = unchanged, null = cleared. "
                + "role and status need ADMIN; id, email, version and timestamps are never patchable.")
public record UserPatchRequest(
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable Set<String> tags,

        @Schema(description = "Merged into the stored preferences (null values remove keys)") @Nullable Map<String, Object> preferences,

        @Nullable Role role,
        @Nullable UserStatus status) {}
