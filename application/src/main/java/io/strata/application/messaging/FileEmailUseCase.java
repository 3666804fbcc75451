package io.strata.application.messaging;

import io.strata.application.shared.UseCase;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.MailFolder;
import io.strata.domain.messaging.MailItem;
import io.strata.domain.shared.user.Actor;

/**
 * A participant changes their own copy of an e-mail: the keywords seen and flagged (null: unchanged), or its
 * folder (INBOX, TRASH or ARCHIVE; a draft stays in DRAFTS, 409). Other participants' copies never change.
 */
@UseCase
public interface FileEmailUseCase {
    MailItem mark(Mark command);

    MailItem move(Move command);

    record Mark(Actor actor, EmailId id, Boolean seen, Boolean flagged) {}

    record Move(Actor actor, EmailId id, MailFolder folder) {}
}
