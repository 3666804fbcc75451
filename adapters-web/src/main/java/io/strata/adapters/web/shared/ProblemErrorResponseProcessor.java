package io.strata.adapters.web.shared;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Replaces Micronaut's default error body (its default processor is only created when no other
 * {@link ErrorResponseProcessor} exists), so the errors Micronaut raises itself (unknown route 404,
 * 405, 406, 413, 415, the last-resort 500) are {@code application/problem+json} too. 5xx details
 * never carry exception messages.
 */
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> baseResponse) {
        HttpStatus status = baseResponse.getStatus();
        MutableHttpResponse<Problem> response = (MutableHttpResponse<Problem>) baseResponse;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return response;
        }
        String detail = detail(context, status);
        List<Problem.FieldProblem> errors = status.getCode() >= 500
                ? List.of()
                : context.getErrors().stream()
                        .filter(e -> e.getPath().isPresent())
                        .map(e -> new Problem.FieldProblem(e.getPath().get().replaceFirst("^/", ""), e.getMessage()))
                        .toList();
        MutableHttpResponse<Problem> problem = Problems.forStatus(context.getRequest(), status, detail);
        Problem body = problem.body();
        return response.body(
                        new Problem(body.type(), body.title(), body.status(), body.detail(), body.instance(), errors))
                .contentType(Problems.MEDIA_TYPE);
    }

    private static String detail(ErrorContext context, HttpStatus status) {
        if (status.getCode() >= 500) {
            return null;
        }
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof NotAllowedException na) {
            return "Method " + na.getRequestMethod() + " is not allowed here; allowed: "
                    + String.join(", ", na.getAllowedMethods());
        }
        if (cause instanceof UnsupportedMediaException um) {
            return "Content-Type " + um.getContentType() + " is not supported here; send one of: "
                    + String.join(", ", um.getAcceptableContentTypes());
        }
        if (status == HttpStatus.NOT_FOUND && cause == null) {
            return "No resource at " + context.getRequest().getPath();
        }
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
            return "Request body too large"
                    + context.getErrors().stream()
                            .map(Error::getMessage)
                            .findFirst()
                            .map(m -> ": " + m)
                            .orElse("");
        }
        String messages = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return messages.isBlank() ? null : messages;
    }
}
