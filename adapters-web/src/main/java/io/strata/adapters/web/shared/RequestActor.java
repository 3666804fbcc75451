package io.strata.adapters.web.shared;

import io.micronaut.http.HttpRequest;
import io.strata.domain.shared.user.Actor;
import java.util.Optional;
import java.util.UUID;

/**
 * Who made the request, as stored by the authentication filter in request attributes. Controllers
 * normally declare an {@link Actor} parameter instead (see {@link ActorArgumentBinder}).
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
        return request.getAttribute(ACTOR_ATTRIBUTE, Actor.class);
    }

    public static Optional<UUID> sessionId(HttpRequest<?> request) {
        return request.getAttribute(SESSION_ATTRIBUTE, UUID.class);
    }
}
