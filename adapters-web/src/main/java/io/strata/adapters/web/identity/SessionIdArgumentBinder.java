package io.strata.adapters.web.identity;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.strata.adapters.web.shared.RequestActor;
import io.strata.domain.identity.SessionId;
import io.strata.domain.shared.error.UnauthenticatedException;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Binds the {@link SessionId} of the session the request was authenticated with (401 when none). */
@Singleton
public class SessionIdArgumentBinder implements TypedRequestArgumentBinder<SessionId> {
    private static final Argument<SessionId> TYPE = Argument.of(SessionId.class);

    @Override
    public Argument<SessionId> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<SessionId> bind(ArgumentConversionContext<SessionId> context, HttpRequest<?> source) {
        Optional<SessionId> session = RequestActor.sessionId(source).map(SessionId::new);
        if (session.isPresent()) {
            return () -> session;
        }
        if (context.getArgument().isNullable()) {
            return BindingResult.empty();
        }
        throw new UnauthenticatedException("authentication required: send Authorization: Bearer <token>");
    }
}
