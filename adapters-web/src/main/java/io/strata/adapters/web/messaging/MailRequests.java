package io.strata.adapters.web.messaging;

import io.micronaut.core.annotation.Nullable;
import io.strata.adapters.web.shared.ClientNumbers;
import io.strata.adapters.web.shared.RequestValues;
import io.strata.domain.messaging.AttachmentId;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.MailFilter;
import io.strata.domain.messaging.MailFolder;
import io.strata.domain.messaging.Recipients;
import io.strata.domain.messaging.Threading;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Reads mail request bodies and parameters into domain values; every unreadable field is a 400 naming it. */
final class MailRequests {
    static final int DEFAULT_LIMIT = 50;

    private MailRequests() {}

    static Recipients recipients(DraftRequest body) {
        return new Recipients(
                Recipients.parse("to", body.to()),
                Recipients.parse("cc", body.cc()),
                Recipients.parse("bcc", body.bcc()));
    }

    static List<AttachmentId> attachments(@Nullable List<String> ids) {
        return ids == null
                ? List.of()
                : RequestValues.uuids("attachments", ids, 20).stream()
                        .map(AttachmentId::new)
                        .toList();
    }

    static List<EmailId> references(@Nullable List<String> ids) {
        return ids == null
                ? List.of()
                : RequestValues.uuids("references", ids, Threading.MAX_REFERENCES).stream()
                        .map(EmailId::new)
                        .toList();
    }

    static @Nullable EmailId emailId(String field, @Nullable String id) {
        return id == null ? null : new EmailId(RequestValues.uuid(field, id));
    }

    static MailFolder folder(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        try {
            return MailFolder.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "must be one of INBOX, SENT, DRAFTS, TRASH, ARCHIVE");
        }
    }

    static MailFilter filter(
            @Nullable String unread,
            @Nullable String flagged,
            @Nullable String q,
            @Nullable String receivedFrom,
            @Nullable String receivedTo) {
        if (q != null) {
            Storable.text("q", q);
        }
        return new MailFilter(
                bool("unread", unread),
                bool("flagged", flagged),
                q,
                instant("receivedFrom", receivedFrom),
                instant("receivedTo", receivedTo));
    }

    static int limit(@Nullable String text, int max) {
        return ClientNumbers.limit(text, "limit", max, Math.min(DEFAULT_LIMIT, max));
    }

    private static @Nullable Boolean bool(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ValidationException(field, "must be true or false");
        };
    }

    private static @Nullable Instant instant(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Storable.instant(field, Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
