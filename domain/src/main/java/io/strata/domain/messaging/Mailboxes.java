package io.strata.domain.messaging;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: the participants' copies of e-mails (mailbox entries) and what is read through them. Keywords and
 * folders change by one statement on the copy's row, so concurrent marks never lose one another, and the
 * counts are computed from the rows, so they are exact whatever ran concurrently.
 */
@OutboundPort
public interface Mailboxes {
    Optional<MailboxEntry> entry(UserId user, EmailId email);

    /** Files a copy for each of {@code users} in {@code folder}, unread; a user who has one already keeps it. */
    void deliver(EmailId email, Collection<UserId> users, MailFolder folder, Instant receivedAt);

    /** Files the sender's own copy: a new draft in DRAFTS, seen. */
    void fileDraft(UserId sender, EmailId email, Instant createdAt);

    /** The sender's draft copy moves to SENT at the sending time. */
    void fileSent(UserId sender, EmailId email, Instant sentAt);

    /** Sets the keywords given (null: unchanged); the copy as stored afterwards, or empty when there is none. */
    Optional<MailboxEntry> mark(UserId user, EmailId email, Boolean seen, Boolean flagged);

    /** Moves the copy; the copy as stored afterwards, or empty when there is none. */
    Optional<MailboxEntry> move(UserId user, EmailId email, MailFolder folder);

    /** Total and unread per folder (every folder, zeros included); one statement. */
    List<FolderCount> counts(UserId user);

    /** A page of a folder, newest first, keyset on (receivedAt, emailId); a constant number of statements. */
    MailFolderPage list(UserId user, MailFolder folder, MailFilter filter, String cursor, int limit);

    /** The user's copies of the thread's e-mails, oldest first, at most {@code limit}. */
    List<MailItem> thread(UserId user, EmailId threadId, int limit);
}
