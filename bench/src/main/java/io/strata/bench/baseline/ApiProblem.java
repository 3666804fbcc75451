package io.strata.bench.baseline;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that ends in an {@code application/problem+json} response shaped like Strata's (type
 * {@code urn:strata:problem:<code>}, the status's reason as title, the request path as instance, and the
 * same details, headers and statuses for the cases the baseline serves). Thrown by filters and
 * controllers; {@link Handler} writes it.
 */
final class ApiProblem extends RuntimeException {
    static final String MEDIA_TYPE = "application/problem+json";

    private final HttpStatus status;
    private final String code;
    private final List<Json.FieldProblem> errors;
    private final @Nullable String headerName;
    private final @Nullable String headerValue;

    private ApiProblem(HttpStatus status, String code, String detail, List<Json.FieldProblem> errors,
                       @Nullable String headerName, @Nullable String headerValue) {
        super(detail, null, false, false); // control flow, not a bug: no stack trace
        this.status = status;
        this.code = code;
        this.errors = errors;
        this.headerName = headerName;
        this.headerValue = headerValue;
    }

    static ApiProblem validation(@Nullable String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", field == null ? message : field + ": " + message,
                List.of(new Json.FieldProblem(field, message)), null, null);
    }

    static ApiProblem unauthenticated(String detail, boolean tokenGiven) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", detail, List.of(),
                HttpHeaders.WWW_AUTHENTICATE,
                tokenGiven ? "Bearer realm=\"strata\", error=\"invalid_token\"" : "Bearer realm=\"strata\"");
    }

    static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", detail, List.of(), null, null);
    }

    static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " not found", List.of(), null, null);
    }

    static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "conflict", detail, List.of(), null, null);
    }

    static ApiProblem preconditionRequired() {
        return new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
                "If-Match is required for this update: send the ETag of the version you read, e.g. If-Match: \"3\"",
                List.of(), null, null);
    }

    /** 412 with the stored version as ETag, so the client can re-read and retry. */
    static ApiProblem staleVersion(String what, Object id, long expected, long current) {
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-version",
                what + " " + id + " is at version " + current + ", not " + expected, List.of(),
                HttpHeaders.ETAG, ETags.of(current));
    }

    MutableHttpResponse<Json.Problem> toResponse(HttpRequest<?> request) {
        MutableHttpResponse<Json.Problem> response = response(request, status, code, getMessage(), errors);
        if (headerName != null) {
            response.header(headerName, headerValue);
        }
        return response;
    }

    private static MutableHttpResponse<Json.Problem> response(HttpRequest<?> request, HttpStatus status, String code,
                                                              String detail, List<Json.FieldProblem> errors) {
        Json.Problem problem = new Json.Problem("urn:strata:problem:" + code, status.getReason(), status.getCode(),
                detail, request.getPath(), errors.isEmpty() ? null : errors);
        return HttpResponse.<Json.Problem>status(status).body(problem).contentType(MEDIA_TYPE);
    }

    @Singleton
    @Produces(MEDIA_TYPE)
    static final class Handler implements ExceptionHandler<ApiProblem, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ApiProblem problem) {
            return problem.toResponse(request);
        }
    }

    /** A body that does not fit the request record (unknown field, wrong type): 400 instead of Micronaut's error. */
    @Singleton
    @Produces(MEDIA_TYPE)
    @Replaces(ConversionErrorHandler.class)
    static final class UnreadableBody implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
            return response(request, HttpStatus.BAD_REQUEST, "validation", "The request body could not be read: "
                    + firstLine(exception.getConversionError().getCause().getMessage()), List.of());
        }
    }

    /** A body that is not JSON. */
    @Singleton
    @Produces(MEDIA_TYPE)
    @Replaces(JsonExceptionHandler.class)
    static final class MalformedJson implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException exception) {
            return response(request, HttpStatus.BAD_REQUEST, "validation",
                    "Malformed JSON: " + firstLine(exception.getMessage()), List.of());
        }
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    /** Anything else (a database failure): a generic 500; the cause goes to the log only. */
    @Singleton
    @Produces(MEDIA_TYPE)
    static final class Unexpected implements ExceptionHandler<Exception, HttpResponse<?>> {
        private static final Logger LOG = LoggerFactory.getLogger(Unexpected.class);

        @Override
        public HttpResponse<?> handle(HttpRequest request, Exception exception) {
            LOG.error("Unexpected error on {} {}", request.getMethodName(), request.getPath(), exception);
            return response(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                    "An unexpected error occurred; it has been logged.", List.of());
        }
    }
}
