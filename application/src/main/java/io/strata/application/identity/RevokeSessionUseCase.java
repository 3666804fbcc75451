package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.identity.SessionId;
import io.strata.domain.shared.user.Actor;

/** Revokes one of the actor's own sessions (an ADMIN may revoke anyone's). */
@UseCase
public interface RevokeSessionUseCase {
    void revoke(Command command);

    record Command(Actor actor, SessionId sessionId) {}
}
