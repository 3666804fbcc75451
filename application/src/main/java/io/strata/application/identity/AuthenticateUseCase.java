package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.identity.SessionId;
import io.strata.domain.shared.user.Actor;
import java.util.Optional;

/** Resolves a bearer token to its actor (and touches the session's lastSeenAt, coalesced). */
@UseCase
public interface AuthenticateUseCase {
    Optional<Authenticated> authenticate(String bearerToken);

    /**
     * The same answer when memory alone gives it: the token's session is cached, valid now and needs no lastSeenAt
     * touch. Empty otherwise (not cached, or a cached session that is no longer valid or is due a touch): then
     * {@link #authenticate} decides, on a thread that may wait for the database. Never reads or writes storage, so
     * the HTTP adapter may call it on the event loop.
     */
    Optional<Authenticated> authenticateInMemory(String bearerToken);

    record Authenticated(Actor actor, SessionId sessionId) {}
}
