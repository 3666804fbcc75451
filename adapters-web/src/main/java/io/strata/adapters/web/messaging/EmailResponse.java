package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An e-mail as the caller sees it, with the caller's copy (folder, keywords). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Email")
public record EmailResponse(
        UUID id,
        UUID senderId,
        String from,
        List<String> to,
        List<String> cc,

        @Schema(description = "Shown to the sender only; empty for everyone else")
        List<String> bcc,

        @Nullable String subject,
        @Nullable String body,
        @Schema(allowableValues = {"DRAFT", "SENT"}) String status,
        UUID threadId,
        @Nullable UUID inReplyTo,
        List<UUID> references,

        @Schema(
                allowableValues = {"NEW", "IN_REPLY_TO", "REFERENCES"},
                description = "Why the e-mail joined its thread")
        String threadReason,

        List<UUID> attachments,
        @Nullable Instant sentAt,
        long version,
        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "The caller's copy; null only in a draft's save response") @Nullable MailboxResponse mailbox) {

    /** The caller's copy of the e-mail. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "MailboxEntry")
    public record MailboxResponse(String folder, boolean seen, boolean flagged, Instant receivedAt) {}
}
