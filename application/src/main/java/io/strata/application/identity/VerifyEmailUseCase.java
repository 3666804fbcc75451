package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.identity.User;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;

/** Marks a user's e-mail verified (ADMIN; delivery of verification mails is a later context). */
@UseCase
public interface VerifyEmailUseCase {
    User verifyEmail(Command command);

    record Command(Actor actor, UserId userId) {}
}
