package io.strata.adapters.web.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "TagCount")
public record TagCountResponse(
        String tag,
        @Schema(description = "Active users with this tag") long count) {}
