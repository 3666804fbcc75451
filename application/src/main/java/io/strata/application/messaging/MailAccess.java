package io.strata.application.messaging;

import io.strata.domain.messaging.Email;
import io.strata.domain.messaging.EmailAddress;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.EmailRepository;
import io.strata.domain.messaging.MailItem;
import io.strata.domain.messaging.MailUsers;
import io.strata.domain.messaging.MailboxEntry;
import io.strata.domain.messaging.Mailboxes;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import java.util.List;

/**
 * Who may see an e-mail: its participants, each through their own copy (mailbox entry). Mail is private to
 * them, ADMINs included: to anyone else an e-mail does not exist (404). A draft is seen and edited by its
 * sender only.
 */
final class MailAccess {
    static final int MAX_LIMIT = 100;

    private MailAccess() {}

    /** The actor's copy of the e-mail, and the e-mail as they see it (no bcc unless they sent it). */
    static MailItem visible(EmailRepository emails, Mailboxes mailboxes, Actor actor, EmailId id) {
        MailboxEntry entry = mailboxes.entry(actor.userId(), id).orElseThrow(() -> new NotFoundException("Email", id));
        Email email = emails.findById(id).orElseThrow(() -> new NotFoundException("Email", id));
        return MailItem.of(email, entry);
    }

    /** A draft of the actor's (404 for anyone else); a sent e-mail is immutable (409). */
    static Email ownDraft(EmailRepository emails, Actor actor, EmailId id) {
        Email email = emails.findById(id)
                .filter(e -> e.isSentBy(actor.userId()))
                .orElseThrow(() -> new NotFoundException("Email", id));
        if (!email.isDraft()) {
            throw new ConflictException("a sent e-mail is immutable");
        }
        return email;
    }

    /** A sent e-mail named in a request that the actor has a copy of; anything else is a 400 on {@code field}. */
    static Email referable(EmailRepository emails, Mailboxes mailboxes, Actor actor, EmailId id, String field) {
        if (mailboxes.entry(actor.userId(), id).isEmpty()) {
            throw new ValidationException(field, "no e-mail " + id);
        }
        return emails.findById(id).orElseThrow(() -> new ValidationException(field, "no e-mail " + id));
    }

    /** The newest of {@code references} the actor can see and that was sent, or null. */
    static Email lastReferable(EmailRepository emails, Mailboxes mailboxes, Actor actor, List<EmailId> references) {
        for (int i = references.size() - 1; i >= 0; i--) {
            EmailId id = references.get(i);
            if (mailboxes.entry(actor.userId(), id).isPresent()) {
                Email email = emails.findById(id).orElse(null);
                if (email != null && !email.isDraft()) {
                    return email;
                }
            }
        }
        return null;
    }

    static EmailAddress addressOf(MailUsers users, UserId user) {
        return users.addressOf(user).orElseThrow(() -> new NotFoundException("User", user));
    }

    static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
