package io.strata.adapters.web.shared;

import io.micronaut.http.HttpRequest;
import io.strata.domain.shared.user.Actor;
import java.util.Optional;
import java.util.UUID;

/**
 * Who made the request, as stored by the authentication filter in request attributes. Controllers
 * normally declare an {@link Actor} parameter instead (see {@link ActorArgumentBinder}).
 *
 * <p>Read as plain values ({@code getValue}), not with {@code getAttribute(name, type)}: the typed lookup runs
 * Micronaut's conversion service on every call, and every request reads the actor several times (the filters that
 * act on it, the argument binders).
 */
public final class RequestActor {
    public static final String ACTOR_ATTRIBUTE = "strata.auth.actor";
    public static final String SESSION_ATTRIBUTE = "strata.auth.session";

    private RequestActor() {}

    public static void authenticate(HttpRequest<?> request, Actor actor, UUID sessionId) {
        request.setAttribute(ACTOR_ATTRIBUTE, actor);
        request.setAttribute(SESSION_ATTRIBUTE, sessionId);
    }

    public static Optional<Actor> actor(HttpRequest<?> request) {
        return request.getAttributes().getValue(ACTOR_ATTRIBUTE) instanceof Actor actor
                ? Optional.of(actor)
                : Optional.empty();
    }

    public static Optional<UUID> sessionId(HttpRequest<?> request) {
        return request.getAttributes().getValue(SESSION_ATTRIBUTE) instanceof UUID id
                ? Optional.of(id)
                : Optional.empty();
    }
}
