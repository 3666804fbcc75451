package io.strata.application.messaging;

import io.strata.application.shared.UseCase;
import io.strata.domain.messaging.Email;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.shared.user.Actor;

/**
 * A participant starts a reply to a sent e-mail they have a copy of: a draft in the same thread (in-reply-to
 * and references kept), "Re: " subject, addressed to the original sender ({@code all}: and its to and cc;
 * never its bcc).
 */
@UseCase
public interface ReplyToEmailUseCase {
    Email reply(Command command);

    record Command(Actor actor, EmailId original, String body, boolean all) {}
}
