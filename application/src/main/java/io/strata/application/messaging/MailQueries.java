package io.strata.application.messaging;

import io.strata.application.shared.Query;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.FolderCount;
import io.strata.domain.messaging.MailFilter;
import io.strata.domain.messaging.MailFolder;
import io.strata.domain.messaging.MailFolderPage;
import io.strata.domain.messaging.MailItem;
import io.strata.domain.shared.user.Actor;
import java.util.List;

/**
 * Reads of the actor's mailbox. Everything is read through the actor's own copies, and every e-mail is shown as
 * they may see it: the bcc list only to its sender.
 */
@Query
public interface MailQueries {
    int MAX_LIMIT = MailAccess.MAX_LIMIT;

    /** Every folder with its total and unread counts. */
    List<FolderCount> folders(Actor actor);

    /** A page of a folder, newest first, with the folder's counts. */
    FolderView folder(Actor actor, MailFolder folder, MailFilter filter, String cursor, int limit);

    /** One e-mail, through the actor's copy (404 for anyone without one). */
    MailItem email(Actor actor, EmailId id);

    /** The actor's e-mails of a thread, oldest first (404 when they have none). */
    List<MailItem> thread(Actor actor, EmailId threadId, int limit);

    record FolderView(FolderCount count, MailFolderPage page) {}
}
