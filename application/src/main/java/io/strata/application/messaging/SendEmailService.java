package io.strata.application.messaging;

import io.strata.domain.messaging.Email;
import io.strata.domain.messaging.EmailRepository;
import io.strata.domain.messaging.MailFolder;
import io.strata.domain.messaging.MailUsers;
import io.strata.domain.messaging.Mailboxes;
import io.strata.domain.messaging.MessagingFiles;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.Set;

@Singleton
public class SendEmailService implements SendEmailUseCase {
    private final EmailRepository emails;
    private final Mailboxes mailboxes;
    private final MailUsers users;
    private final MessagingFiles files;
    private final Clock clock;

    public SendEmailService(
            EmailRepository emails, Mailboxes mailboxes, MailUsers users, MessagingFiles files, Clock clock) {
        this.emails = emails;
        this.mailboxes = mailboxes;
        this.users = users;
        this.files = files;
        this.clock = clock;
    }

    /** Everything or nothing: the e-mail's row, the sender's copy and every recipient's copy commit together. */
    @Override
    @Transactional
    public Email send(Command command) {
        Email draft = MailAccess.ownDraft(emails, command.actor(), command.id());
        if (command.expectedVersion() != null) {
            Versioned.require("Email", draft.id(), command.expectedVersion(), draft.version());
        }
        ChatAccess.requireReadable(files, command.actor(), draft.attachments());
        draft.send(clock);
        Email sent = emails.save(draft);
        Set<UserId> recipients =
                new LinkedHashSet<>(users.internal(sent.recipients().all()).values());
        recipients.remove(sent.senderId());
        mailboxes.fileSent(sent.senderId(), sent.id(), sent.sentAt());
        mailboxes.deliver(sent.id(), recipients, MailFolder.INBOX, sent.sentAt());
        return sent;
    }
}
