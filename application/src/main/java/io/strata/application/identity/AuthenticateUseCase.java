package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.identity.SessionId;
import io.strata.domain.shared.user.Actor;
import java.util.Optional;

/** Resolves a bearer token to its actor (and touches the session's lastSeenAt, coalesced). */
@UseCase
public interface AuthenticateUseCase {
    Optional<Authenticated> authenticate(String bearerToken);

    record Authenticated(Actor actor, SessionId sessionId) {}
}
