package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.strata.domain.shared.error.DomainException;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.error.ThrottledException;
import io.strata.domain.shared.error.ValidationException;
import java.util.List;
import java.util.Map;

/**
 * The one place that maps errors to HTTP: each kind of domain error to its status and problem type
 * (and the headers some of them need), and the construction of every {@code application/problem+json}
 * response. Exception
 * handlers, filters and the error response processor all build their responses here.
 */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:strata:problem:";
    /** Detail of every 500: internals stay in the server log. */
    public static final String INTERNAL_DETAIL = "An unexpected error occurred; it has been logged.";

    /** Problem type code of statuses raised by the HTTP layer itself (routing, size limits, ...). */
    private static final Map<Integer, String> CODE_BY_STATUS = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(401, "unauthenticated"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(412, "stale-version"),
            Map.entry(413, "payload-too-large"),
            Map.entry(414, "uri-too-long"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(428, "precondition-required"),
            Map.entry(429, "throttled"),
            Map.entry(431, "headers-too-large"),
            Map.entry(500, "internal"),
            Map.entry(503, "unavailable"));

    private Problems() {}

    /** The HTTP status and problem type of a kind of domain error. */
    public record DomainProblem(HttpStatus status, String type) {}

    /**
     * What each kind of domain error means over HTTP. The one place that decides it: exhaustive, so a new
     * {@link DomainException.Kind} does not compile until it has its status here.
     */
    public static DomainProblem of(DomainException.Kind kind) {
        return switch (kind) {
            case VALIDATION -> new DomainProblem(HttpStatus.BAD_REQUEST, "validation");
            case UNAUTHENTICATED -> new DomainProblem(HttpStatus.UNAUTHORIZED, "unauthenticated");
            case FORBIDDEN -> new DomainProblem(HttpStatus.FORBIDDEN, "forbidden");
            case NOT_FOUND -> new DomainProblem(HttpStatus.NOT_FOUND, "not-found");
            case CONFLICT -> new DomainProblem(HttpStatus.CONFLICT, "conflict");
            case STALE_VERSION -> new DomainProblem(HttpStatus.PRECONDITION_FAILED, "stale-version");
            case VERSION_REQUIRED -> new DomainProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required");
            case THROTTLED -> new DomainProblem(HttpStatus.TOO_MANY_REQUESTS, "throttled");
            case TOO_LARGE -> new DomainProblem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too-large");
        };
    }

    /** The response for a rule violation raised by the domain or a use case. */
    public static MutableHttpResponse<Problem> of(@Nullable HttpRequest<?> request, DomainException e) {
        DomainProblem kind = of(e.kind());
        HttpStatus status = kind.status();
        List<Problem.FieldProblem> errors = e instanceof ValidationException v
                ? v.errors().stream()
                        .map(f -> new Problem.FieldProblem(f.field(), f.message()))
                        .toList()
                : List.of();
        MutableHttpResponse<Problem> response = response(request, status, kind.type(), e.getMessage(), errors);
        if (e instanceof ThrottledException t) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, t.retryAfterSeconds())));
        } else if (e instanceof StaleVersionException s) {
            response.header(HttpHeaders.ETAG, ETags.of(s.currentVersion()));
        }
        if (status == HttpStatus.UNAUTHORIZED) {
            boolean tokenGiven = request != null && request.getHeaders().contains(HttpHeaders.AUTHORIZATION);
            response.header(
                    HttpHeaders.WWW_AUTHENTICATE,
                    tokenGiven ? "Bearer realm=\"strata\", error=\"invalid_token\"" : "Bearer realm=\"strata\"");
        }
        return response;
    }

    /** A 400 for input the HTTP layer could not read (JSON, types, parameters). */
    public static MutableHttpResponse<Problem> badRequest(
            @Nullable HttpRequest<?> request, String detail, List<Problem.FieldProblem> errors) {
        return response(request, HttpStatus.BAD_REQUEST, "validation", detail, errors);
    }

    /** A problem for a status raised by the HTTP layer (404 route, 405, 413, 415, ...). */
    public static MutableHttpResponse<Problem> forStatus(
            @Nullable HttpRequest<?> request, HttpStatus status, @Nullable String detail) {
        String code =
                CODE_BY_STATUS.getOrDefault(status.getCode(), status.getCode() >= 500 ? "internal" : "bad-request");
        String safeDetail =
                status.getCode() >= 500 || detail == null || detail.isBlank() ? defaultDetail(status) : detail;
        return response(request, status, code, safeDetail, List.of());
    }

    /** A generic 500; the caller logs the cause. */
    public static MutableHttpResponse<Problem> internal(@Nullable HttpRequest<?> request) {
        return response(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal", INTERNAL_DETAIL, List.of());
    }

    public static MutableHttpResponse<Problem> response(
            @Nullable HttpRequest<?> request,
            HttpStatus status,
            String code,
            String detail,
            List<Problem.FieldProblem> errors) {
        Problem problem = new Problem(
                TYPE_PREFIX + code,
                status.getReason(),
                status.getCode(),
                detail,
                request == null ? null : request.getPath(),
                errors);
        return HttpResponse.<Problem>status(status).body(problem).contentType(MEDIA_TYPE);
    }

    private static String defaultDetail(HttpStatus status) {
        return switch (status.getCode()) {
            case 404 -> "No resource at this path";
            case 405 -> "Method not allowed for this resource";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported content type";
            case 500 -> INTERNAL_DETAIL;
            default -> status.getReason();
        };
    }

    /** Quotes of client input in messages stay short: at most 120 characters. */
    public static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
