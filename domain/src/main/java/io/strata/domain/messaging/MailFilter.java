package io.strata.domain.messaging;

import io.strata.domain.shared.error.ValidationException;
import java.time.Instant;

/**
 * What a folder listing keeps: unread only or read only ({@code unread}), flagged or not, a text {@code q}
 * (subject, body, from, to and cc; never bcc), and a half-open range {@code [receivedFrom, receivedTo)}.
 * Null means "any".
 */
public record MailFilter(Boolean unread, Boolean flagged, String q, Instant receivedFrom, Instant receivedTo) {
    public static final int Q_MAX = 200;

    public MailFilter {
        if (q != null) {
            q = q.strip();
            if (q.isEmpty()) {
                q = null;
            } else if (q.length() > Q_MAX) {
                throw new ValidationException("q", "at most " + Q_MAX + " characters");
            }
        }
        if (receivedFrom != null && receivedTo != null && !receivedFrom.isBefore(receivedTo)) {
            throw new ValidationException("receivedTo", "must be after receivedFrom");
        }
    }

    public static MailFilter none() {
        return new MailFilter(null, null, null, null, null);
    }
}
