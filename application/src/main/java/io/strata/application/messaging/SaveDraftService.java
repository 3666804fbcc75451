package io.strata.application.messaging;

import io.strata.domain.messaging.Email;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.EmailRepository;
import io.strata.domain.messaging.MailUsers;
import io.strata.domain.messaging.Mailboxes;
import io.strata.domain.messaging.MessagingFiles;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;

@Singleton
public class SaveDraftService implements SaveDraftUseCase {
    private final EmailRepository emails;
    private final Mailboxes mailboxes;
    private final MailUsers users;
    private final MessagingFiles files;
    private final Clock clock;

    public SaveDraftService(
            EmailRepository emails, Mailboxes mailboxes, MailUsers users, MessagingFiles files, Clock clock) {
        this.emails = emails;
        this.mailboxes = mailboxes;
        this.users = users;
        this.files = files;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Email create(Create command) {
        Email inReplyTo = command.inReplyTo() == null
                ? null
                : MailAccess.referable(emails, mailboxes, command.actor(), command.inReplyTo(), "inReplyTo");
        List<EmailId> references = command.references() == null ? List.of() : command.references();
        Email referenced =
                inReplyTo != null ? null : MailAccess.lastReferable(emails, mailboxes, command.actor(), references);
        ChatAccess.requireReadable(files, command.actor(), command.attachments());
        Email draft = Email.draft(
                command.actor().userId(),
                MailAccess.addressOf(users, command.actor().userId()),
                command.recipients(),
                command.subject(),
                command.body(),
                inReplyTo,
                referenced,
                references,
                command.attachments(),
                clock);
        Email stored = emails.add(draft);
        mailboxes.fileDraft(
                command.actor().userId(), stored.id(), stored.stamp().createdAt());
        return stored;
    }

    @Override
    @Transactional
    public Email update(Update command) {
        Email draft = MailAccess.ownDraft(emails, command.actor(), command.id());
        Versioned.require("Email", draft.id(), command.expectedVersion(), draft.version());
        ChatAccess.requireReadable(files, command.actor(), command.attachments());
        draft.update(command.recipients(), command.subject(), command.body(), command.attachments(), clock);
        return emails.save(draft);
    }
}
