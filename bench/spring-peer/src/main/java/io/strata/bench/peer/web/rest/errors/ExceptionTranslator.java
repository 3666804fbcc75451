package io.strata.bench.peer.web.rest.errors;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as problem details (JHipster's {@code ExceptionTranslator}, on Spring's own
 * {@link ResponseEntityExceptionHandler}): the API's {@link Problems}, Spring MVC's exceptions (unreadable body,
 * unsupported media type...) restyled in the same vocabulary, bean validation failures with their fields, and a
 * generic 500 for anything unexpected.
 */
@RestControllerAdvice
public class ExceptionTranslator extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionTranslator.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Problems.fieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        FieldError first = ex.getBindingResult().getFieldError();
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "validation",
                first == null ? "the request is invalid" : first.getField() + ": " + first.getDefaultMessage());
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A path variable of the wrong type, e.g. an id that is not a UUID. */
    @ExceptionHandler
    public ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        String type = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        ProblemDetail problem = Problems.validation(ex.getName(), "'" + ex.getValue() + "' is not a valid " + type).getBody();
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** Someone else changed the row between our read and our write. */
    @ExceptionHandler
    public ResponseEntity<Object> handleConcurrencyFailure(ConcurrencyFailureException ex, WebRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "conflict",
                "the resource was changed by another request; read it again and retry");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler
    public ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) throws Exception {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            throw ex; // Spring Security's ExceptionTranslationFilter answers these
        }
        LOG.error("Unexpected error on {}", request.getDescription(false), ex);
        ProblemDetail problem = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "An unexpected error occurred; it has been logged.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** Spring MVC's own problems (400, 405, 406, 415, ...) get Strata's type and title. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || !problem.getType().toString().startsWith("urn:strata:problem:"))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            String code = status == HttpStatus.BAD_REQUEST ? "validation"
                    : status == null ? "error" : status.name().toLowerCase(Locale.ROOT).replace('_', '-');
            problem.setType(URI.create("urn:strata:problem:" + code));
            if (status != null) {
                problem.setTitle(status.getReasonPhrase());
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }
}
