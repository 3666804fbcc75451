package io.strata.adapters.web.shared;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.strata.domain.shared.error.UnauthenticatedException;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Lets controllers declare the caller as a parameter: {@code Actor actor} (an unauthenticated
 * request is a 401 problem) or {@code @Nullable Actor actor} (public endpoints where a token is
 * optional). Hide it from the OpenAPI document with {@code @Parameter(hidden = true)}.
 */
@Singleton
public class ActorArgumentBinder implements TypedRequestArgumentBinder<Actor> {
    private static final Argument<Actor> TYPE = Argument.of(Actor.class);

    @Override
    public Argument<Actor> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> source) {
        Optional<Actor> actor = RequestActor.actor(source);
        if (actor.isPresent()) {
            return () -> actor;
        }
        if (context.getArgument().isNullable()) {
            return BindingResult.empty();
        }
        throw new UnauthenticatedException("authentication required: send Authorization: Bearer <token>");
    }
}
