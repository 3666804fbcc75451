package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/mail/emails/{id}/reply}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "ReplyRequest")
public record ReplyRequest(
        @Schema(maxLength = 100000) @Nullable String body,

        @Schema(description = "Also to the original to and cc (never its bcc); default false") @Nullable Boolean all) {}
