package io.strata.adapters.web.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.strata.domain.shared.error.DomainException;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Requests that break a rule: violations raised by the domain and the use cases (status and problem type by
 * their kind, decided in {@link Problems#of(io.strata.domain.shared.error.DomainException.Kind)}) and updates
 * without {@code If-Match} (428).
 */
public final class RuleViolationHandlers {
    private RuleViolationHandlers() {}

    /** Rule violations raised by the domain and the use cases. */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    public static class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, DomainException exception) {
            return Problems.of(request, exception);
        }
    }

    /** An update without {@code If-Match}: 428. */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    public static class PreconditionRequired
            implements ExceptionHandler<PreconditionRequiredException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, PreconditionRequiredException exception) {
            return Problems.response(
                    request,
                    HttpStatus.PRECONDITION_REQUIRED,
                    "precondition-required",
                    exception.getMessage(),
                    List.of());
        }
    }
}
