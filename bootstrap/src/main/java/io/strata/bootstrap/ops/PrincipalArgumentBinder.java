package io.strata.bootstrap.ops;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.security.Principal;
import java.util.Optional;

/**
 * Binds a {@link Principal} parameter (the health endpoint's) to the request's user principal, which
 * {@link HealthDetailsAccess} sets for ADMIN tokens. Micronaut leaves that binding to micronaut-security, which
 * Strata does not use.
 */
@Singleton
public class PrincipalArgumentBinder implements TypedRequestArgumentBinder<Principal> {
    private static final Argument<Principal> TYPE = Argument.of(Principal.class);

    @Override
    public Argument<Principal> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Principal> bind(ArgumentConversionContext<Principal> context, HttpRequest<?> source) {
        Optional<Principal> principal = source.getUserPrincipal();
        return principal.isPresent() ? () -> principal : BindingResult.empty();
    }
}
