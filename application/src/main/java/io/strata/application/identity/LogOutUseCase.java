package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.identity.SessionId;
import io.strata.domain.shared.user.Actor;

/** Revokes the session the request was made with. */
@UseCase
public interface LogOutUseCase {
    void logOut(Command command);

    record Command(Actor actor, SessionId currentSession) {}
}
