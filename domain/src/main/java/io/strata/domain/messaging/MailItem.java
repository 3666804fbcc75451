package io.strata.domain.messaging;

/** An e-mail as one participant sees it (bcc removed unless they sent it) with their copy's folder and keywords. */
public record MailItem(Email email, MailboxEntry entry) {
    public static MailItem of(Email email, MailboxEntry entry) {
        return new MailItem(email.seenBy(entry.userId()), entry);
    }
}
