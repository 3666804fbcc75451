package io.strata.application.messaging;

import io.strata.domain.messaging.Email;
import io.strata.domain.messaging.EmailRepository;
import io.strata.domain.messaging.MailItem;
import io.strata.domain.messaging.MailUsers;
import io.strata.domain.messaging.Mailboxes;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class ReplyToEmailService implements ReplyToEmailUseCase {
    private final EmailRepository emails;
    private final Mailboxes mailboxes;
    private final MailUsers users;
    private final Clock clock;

    public ReplyToEmailService(EmailRepository emails, Mailboxes mailboxes, MailUsers users, Clock clock) {
        this.emails = emails;
        this.mailboxes = mailboxes;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Email reply(Command command) {
        // the original as the actor sees it: a recipient's reply-all cannot reach the bcc
        MailItem original = MailAccess.visible(emails, mailboxes, command.actor(), command.original());
        if (original.email().isDraft()) {
            throw new ConflictException("a draft cannot be replied to; send it first");
        }
        Email draft = Email.reply(
                command.actor().userId(),
                MailAccess.addressOf(users, command.actor().userId()),
                original.email(),
                command.body(),
                command.all(),
                clock);
        Email stored = emails.add(draft);
        mailboxes.fileDraft(
                command.actor().userId(), stored.id(), stored.stamp().createdAt());
        return stored;
    }
}
