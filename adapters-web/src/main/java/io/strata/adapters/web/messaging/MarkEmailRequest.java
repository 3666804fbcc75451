package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/mail/emails/{id}/keywords}: the keywords to set (absent: unchanged). */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "MarkEmailRequest")
public record MarkEmailRequest(
        @Nullable Boolean seen, @Nullable Boolean flagged) {}
