package io.strata.application.messaging;

import io.strata.application.shared.UseCase;
import io.strata.domain.messaging.Email;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.shared.user.Actor;

/**
 * The sender sends a draft: in one transaction it becomes SENT (immutable), the sender's copy moves to SENT,
 * and every internal recipient (a user with one of the to, cc or bcc addresses) gets a copy in INBOX.
 * Attachments are checked again (the sender must still be able to read them). {@code expectedVersion} is
 * optional.
 */
@UseCase
public interface SendEmailUseCase {
    Email send(Command command);

    record Command(Actor actor, EmailId id, Long expectedVersion) {}
}
