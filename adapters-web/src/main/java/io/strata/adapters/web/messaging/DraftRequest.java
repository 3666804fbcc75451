package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Body of {@code POST /api/v1/mail/drafts} and {@code PUT /api/v1/mail/drafts/{id}}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "DraftRequest")
public record DraftRequest(
        @Schema(description = "Addresses (at most 100 in to, cc and bcc together)") @Nullable List<String> to,

        @Nullable List<String> cc,

        @Schema(description = "Seen by the sender only") @Nullable List<String> bcc,

        @Schema(maxLength = 998) @Nullable String subject,
        @Schema(maxLength = 100000) @Nullable String body,

        @Schema(format = "uuid", description = "On creation only: a sent e-mail you have; the draft joins its thread")
        @Nullable String inReplyTo,

        @Schema(description = "On creation only: ids of earlier e-mails of the conversation, oldest first (at most 50)")
        @Nullable List<String> references,

        @Schema(description = "Ids of files the sender may read (at most 20)") @Nullable List<String> attachments) {}
