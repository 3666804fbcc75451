package io.strata.application.messaging;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.EmailRepository;
import io.strata.domain.messaging.FolderCount;
import io.strata.domain.messaging.MailFilter;
import io.strata.domain.messaging.MailFolder;
import io.strata.domain.messaging.MailFolderPage;
import io.strata.domain.messaging.MailItem;
import io.strata.domain.messaging.Mailboxes;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
@ReadOnlyTransaction
public class MailQueryService implements MailQueries {
    private final EmailRepository emails;
    private final Mailboxes mailboxes;

    public MailQueryService(EmailRepository emails, Mailboxes mailboxes) {
        this.emails = emails;
        this.mailboxes = mailboxes;
    }

    @Override
    public List<FolderCount> folders(Actor actor) {
        return mailboxes.counts(actor.userId());
    }

    /** One snapshot: the counts and the page agree. */
    @Override
    public FolderView folder(Actor actor, MailFolder folder, MailFilter filter, String cursor, int limit) {
        if (folder == null) {
            throw new ValidationException("folder", "is required");
        }
        int checked = MailAccess.limit(limit);
        FolderCount count = mailboxes.counts(actor.userId()).stream()
                .filter(c -> c.folder() == folder)
                .findFirst()
                .orElse(new FolderCount(folder, 0, 0));
        MailFolderPage page =
                mailboxes.list(actor.userId(), folder, filter == null ? MailFilter.none() : filter, cursor, checked);
        return new FolderView(count, page);
    }

    @Override
    public MailItem email(Actor actor, EmailId id) {
        return MailAccess.visible(emails, mailboxes, actor, id);
    }

    @Override
    public List<MailItem> thread(Actor actor, EmailId threadId, int limit) {
        List<MailItem> items = mailboxes.thread(actor.userId(), threadId, MailAccess.limit(limit));
        if (items.isEmpty()) {
            throw new NotFoundException("Thread", threadId);
        }
        return items;
    }
}
