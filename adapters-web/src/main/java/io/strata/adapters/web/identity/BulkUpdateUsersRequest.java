package io.strata.adapters.web.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Set;

/** Body of {@code POST /api/v1/users/bulk-update} (ADMIN). At least one change is required. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "BulkUpdateUsersRequest",
        requiredProperties = {"ids"})
public record BulkUpdateUsersRequest(
        @ArraySchema(schema = @Schema(format = "uuid"), maxItems = 1000) @Nullable List<String> ids,

        @Schema(allowableValues = {"ACTIVE", "INACTIVE"}) @Nullable String status,

        @Schema(allowableValues = {"ADMIN", "MANAGER", "USER", "GUEST"}) @Nullable String role,

        @Nullable Set<String> addTags,
        @Nullable Set<String> removeTags) {}
