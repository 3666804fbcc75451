package io.strata.adapters.web.community;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One revision of a case's reason. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "CaseReason")
public record CaseReasonResponse(int revision, @Nullable String reason, long editedBy, Instant editedAt) {}
