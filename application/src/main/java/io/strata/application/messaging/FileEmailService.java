package io.strata.application.messaging;

import io.strata.domain.messaging.EmailRepository;
import io.strata.domain.messaging.MailItem;
import io.strata.domain.messaging.MailboxEntry;
import io.strata.domain.messaging.Mailboxes;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/** One UPDATE on the actor's copy: concurrent marks of the same copy apply one after the other, none lost. */
@Singleton
public class FileEmailService implements FileEmailUseCase {
    private final EmailRepository emails;
    private final Mailboxes mailboxes;

    public FileEmailService(EmailRepository emails, Mailboxes mailboxes) {
        this.emails = emails;
        this.mailboxes = mailboxes;
    }

    @Override
    @Transactional
    public MailItem mark(Mark command) {
        if (command.seen() == null && command.flagged() == null) {
            throw new ValidationException("seen", "give seen, flagged or both");
        }
        MailItem item = MailAccess.visible(emails, mailboxes, command.actor(), command.id());
        MailboxEntry entry = mailboxes
                .mark(command.actor().userId(), command.id(), command.seen(), command.flagged())
                .orElseThrow(() -> new NotFoundException("Email", command.id()));
        return new MailItem(item.email(), entry);
    }

    @Override
    @Transactional
    public MailItem move(Move command) {
        if (command.folder() == null) {
            throw new ValidationException("folder", "is required");
        }
        if (!command.folder().isMoveTarget()) {
            throw new ValidationException("folder", "must be INBOX, TRASH or ARCHIVE");
        }
        MailItem item = MailAccess.visible(emails, mailboxes, command.actor(), command.id());
        if (item.email().isDraft()) {
            throw new ConflictException("a draft stays in DRAFTS until it is sent");
        }
        MailboxEntry entry = mailboxes
                .move(command.actor().userId(), command.id(), command.folder())
                .orElseThrow(() -> new NotFoundException("Email", command.id()));
        return new MailItem(item.email(), entry);
    }
}
