package io.strata.domain.messaging;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AggregateRoot;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Text;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An e-mail: a draft its sender edits, then sent once and never changed again. Its place in a conversation
 * ({@link Threading}) is fixed when the draft is created, with the reason it joined its thread. The bcc list
 * belongs to the sender: {@link #seenBy} removes it for everyone else, and no event carries an address.
 */
public final class Email extends AggregateRoot {
    public static final int SUBJECT_MAX = 998;
    public static final int BODY_MAX = 100_000;
    public static final int MAX_ATTACHMENTS = 20;

    private final EmailId id;
    private final UserId senderId;
    private final EmailAddress from;
    private Recipients recipients;
    private String subject;
    private String body;
    private final Threading threading;
    private EmailStatus status;
    private List<AttachmentId> attachments;
    private Instant sentAt;
    private AuditStamp stamp;

    private Email(
            EmailId id,
            UserId senderId,
            EmailAddress from,
            Recipients recipients,
            String subject,
            String body,
            Threading threading,
            EmailStatus status,
            List<AttachmentId> attachments,
            Instant sentAt,
            AuditStamp stamp) {
        this.id = id;
        this.senderId = senderId;
        this.from = from;
        this.recipients = recipients == null ? Recipients.none() : recipients;
        this.subject = subject;
        this.body = body;
        this.threading = threading;
        this.status = status;
        this.attachments = attachments == null ? List.of() : List.copyOf(attachments);
        this.sentAt = sentAt;
        this.stamp = stamp;
    }

    /**
     * A new draft. {@code inReplyTo} (or null) is a sent e-mail the sender can see: the draft joins its thread.
     * Otherwise {@code referenced} (or null), a sent e-mail named in {@code references}, gives the thread;
     * otherwise the draft starts a thread of its own.
     */
    public static Email draft(
            UserId senderId,
            EmailAddress from,
            Recipients recipients,
            String subject,
            String body,
            Email inReplyTo,
            Email referenced,
            List<EmailId> references,
            List<AttachmentId> attachments,
            Clock clock) {
        EmailId id = EmailId.newId();
        Threading threading;
        if (inReplyTo != null) {
            requireSent(inReplyTo, "inReplyTo");
            threading = Threading.replyTo(inReplyTo);
        } else if (referenced != null) {
            requireSent(referenced, "references");
            threading = Threading.byReferences(referenced, references);
        } else {
            threading = Threading.newThread(id, references);
        }
        Instant now = clock.now();
        Email email = new Email(
                id,
                senderId,
                from,
                recipients,
                Text.optional("subject", subject, SUBJECT_MAX),
                Text.optional("body", body, BODY_MAX),
                threading,
                EmailStatus.DRAFT,
                attachments(attachments),
                null,
                AuditStamp.createdAt(now));
        email.record(new EmailDraftSaved(id, senderId, now));
        return email;
    }

    /**
     * A reply draft to {@code original}: "Re: " subject, addressed to its sender (and to/cc with {@code all}). A
     * bcc recipient's reply-all goes to the sender only: writing to the others would reveal the bcc.
     */
    public static Email reply(
            UserId senderId, EmailAddress from, Email original, String body, boolean all, Clock clock) {
        boolean visibleRecipient = original.from.equals(from)
                || original.recipients.to().contains(from)
                || original.recipients.cc().contains(from);
        String subject = original.subject == null ? "" : original.subject;
        if (!subject.regionMatches(true, 0, "Re:", 0, 3)) {
            subject = "Re: " + subject;
        }
        if (subject.length() > SUBJECT_MAX) {
            subject = subject.substring(0, SUBJECT_MAX);
        }
        return draft(
                senderId,
                from,
                Recipients.replyAll(original.from, original.recipients, from, all && visibleRecipient),
                subject,
                body,
                original,
                null,
                List.of(),
                List.of(),
                clock);
    }

    /** Loads a stored e-mail: no validation, no events. */
    public static Email reconstitute(
            EmailId id,
            UserId senderId,
            EmailAddress from,
            Recipients recipients,
            String subject,
            String body,
            Threading threading,
            EmailStatus status,
            List<AttachmentId> attachments,
            Instant sentAt,
            AuditStamp stamp) {
        return new Email(id, senderId, from, recipients, subject, body, threading, status, attachments, sentAt, stamp);
    }

    /** The sender replaces the draft's addresses, subject, body and attachments; a sent e-mail is immutable (409). */
    public void update(
            Recipients newRecipients,
            String newSubject,
            String newBody,
            List<AttachmentId> newAttachments,
            Clock clock) {
        requireDraft();
        String checkedSubject = Text.optional("subject", newSubject, SUBJECT_MAX);
        String checkedBody = Text.optional("body", newBody, BODY_MAX);
        List<AttachmentId> checkedAttachments = attachments(newAttachments);
        recipients = newRecipients == null ? Recipients.none() : newRecipients;
        subject = checkedSubject;
        body = checkedBody;
        attachments = checkedAttachments;
        Instant now = clock.now();
        stamp = stamp.touchedAt(now);
        record(new EmailDraftSaved(id, senderId, now));
    }

    /** Sends the draft: at least one recipient; afterwards nothing changes (409). */
    public void send(Clock clock) {
        requireDraft();
        if (recipients.isEmpty()) {
            throw new ValidationException("to", "an e-mail needs at least one recipient in to, cc or bcc");
        }
        Instant now = clock.now();
        status = EmailStatus.SENT;
        sentAt = now;
        stamp = stamp.touchedAt(now);
        record(new EmailSent(id, senderId, threading.threadId(), threading.reason(), now));
    }

    /** This e-mail as {@code viewer} may see it: the sender sees everything, anyone else no bcc. */
    public Email seenBy(UserId viewer) {
        if (senderId.equals(viewer) || recipients.bcc().isEmpty()) {
            return this;
        }
        return new Email(
                id,
                senderId,
                from,
                recipients.withoutBcc(),
                subject,
                body,
                threading,
                status,
                attachments,
                sentAt,
                stamp);
    }

    public boolean isSentBy(UserId user) {
        return senderId.equals(user);
    }

    public boolean isDraft() {
        return status == EmailStatus.DRAFT;
    }

    private void requireDraft() {
        if (status != EmailStatus.DRAFT) {
            throw new ConflictException("a sent e-mail is immutable");
        }
    }

    private static void requireSent(Email other, String field) {
        if (other.status != EmailStatus.SENT) {
            throw new ValidationException(field, "names a draft, not a sent e-mail");
        }
    }

    private static List<AttachmentId> attachments(List<AttachmentId> ids) {
        if (ids == null) {
            return List.of();
        }
        Set<AttachmentId> distinct = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                throw new ValidationException("attachments[" + i + "]", "is required");
            }
            distinct.add(ids.get(i));
        }
        if (distinct.size() > MAX_ATTACHMENTS) {
            throw new ValidationException("attachments", "at most " + MAX_ATTACHMENTS + " files");
        }
        return List.copyOf(distinct);
    }

    public EmailId id() {
        return id;
    }

    public UserId senderId() {
        return senderId;
    }

    public EmailAddress from() {
        return from;
    }

    public Recipients recipients() {
        return recipients;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public Threading threading() {
        return threading;
    }

    public EmailStatus status() {
        return status;
    }

    public List<AttachmentId> attachments() {
        return attachments;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public AuditStamp stamp() {
        return stamp;
    }

    public long version() {
        return stamp.version();
    }
}
