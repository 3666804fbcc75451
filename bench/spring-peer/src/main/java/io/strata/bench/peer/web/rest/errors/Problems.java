package io.strata.bench.peer.web.rest.errors;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The API's errors as RFC 9457 problem details in Strata's vocabulary: type {@code urn:strata:problem:<code>}, the
 * status's reason as title, and for validation problems the offending fields as {@code errors}. The exceptions are
 * Spring's {@link ErrorResponseException}, which {@link ExceptionTranslator} renders.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:strata:problem:" + code));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    public static ErrorResponseException validation(String field, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", field == null ? message : field + ": " + message);
        problem.setProperty("errors", List.of(fieldError(field, message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** One entry of {@code errors}; {@code field} is null when the message is about the request as a whole. */
    public static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    public static ErrorResponseException forbidden(String detail) {
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem(HttpStatus.FORBIDDEN, "forbidden", detail), null);
    }

    public static ErrorResponseException notFound(String what, Object id) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                problem(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " not found"), null);
    }

    public static ErrorResponseException conflict(String detail) {
        return new ErrorResponseException(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "conflict", detail), null);
    }

    public static ErrorResponseException preconditionRequired() {
        return new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem(HttpStatus.PRECONDITION_REQUIRED,
                "precondition-required", "If-Match is required for this update: send the ETag of the version you read, "
                        + "e.g. If-Match: \"3\""), null);
    }

    /** 412 with the stored version as ETag, so the client can re-read and retry. */
    public static ErrorResponseException staleVersion(String what, Object id, long expected, long current) {
        ErrorResponseException exception = new ErrorResponseException(HttpStatus.PRECONDITION_FAILED,
                problem(HttpStatus.PRECONDITION_FAILED, "stale-version",
                        what + " " + id + " is at version " + current + ", not " + expected), null);
        exception.getHeaders().set(HttpHeaders.ETAG, "\"" + current + "\"");
        return exception;
    }
}
