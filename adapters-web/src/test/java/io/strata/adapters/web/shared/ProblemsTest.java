package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.DomainException;
import io.strata.domain.shared.error.ForbiddenException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.error.ThrottledException;
import io.strata.domain.shared.error.TooLargeException;
import io.strata.domain.shared.error.UnauthenticatedException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.error.VersionRequiredException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one kind-to-status switch and the headers that go with some problems. */
class ProblemsTest {
    private final HttpRequest<?> request = HttpRequest.GET("/api/v1/things/1");

    @Test
    void everyDomainErrorKindHasItsStatusAndType() {
        Map<DomainException, Problems.DomainProblem> expected = Map.of(
                new ValidationException("name", "must not be blank"),
                new Problems.DomainProblem(HttpStatus.BAD_REQUEST, "validation"),
                new UnauthenticatedException("no"),
                new Problems.DomainProblem(HttpStatus.UNAUTHORIZED, "unauthenticated"),
                new ForbiddenException("no"),
                new Problems.DomainProblem(HttpStatus.FORBIDDEN, "forbidden"),
                new NotFoundException("Thing", 1),
                new Problems.DomainProblem(HttpStatus.NOT_FOUND, "not-found"),
                new ConflictException("taken"),
                new Problems.DomainProblem(HttpStatus.CONFLICT, "conflict"),
                new StaleVersionException("Thing", 1, 2, 3),
                new Problems.DomainProblem(HttpStatus.PRECONDITION_FAILED, "stale-version"),
                new VersionRequiredException("If-Match"),
                new Problems.DomainProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required"),
                new ThrottledException("slow down", 30),
                new Problems.DomainProblem(HttpStatus.TOO_MANY_REQUESTS, "throttled"),
                new TooLargeException("file", 10),
                new Problems.DomainProblem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too-large"));
        assertThat(expected.keySet())
                .extracting(DomainException::kind)
                .containsExactlyInAnyOrder(DomainException.Kind.values());
        expected.forEach((exception, kind) -> {
            HttpStatus status = kind.status();
            MutableHttpResponse<Problem> response = Problems.of(request, exception);
            assertThat(response.code()).as(exception.kind().name()).isEqualTo(status.getCode());
            assertThat(response.getContentType().map(Object::toString)).hasValue("application/problem+json");
            Problem problem = response.body();
            assertThat(problem.type()).isEqualTo("urn:strata:problem:" + kind.type());
            assertThat(problem.status()).isEqualTo(status.getCode());
            assertThat(problem.title()).isEqualTo(status.getReason());
            assertThat(problem.detail()).isEqualTo(exception.getMessage());
            assertThat(problem.instance()).isEqualTo("/api/v1/things/1");
        });
    }

    @Test
    void validationProblemsListTheirFields() {
        Problem problem = Problems.of(
                        request,
                        new ValidationException(List.of(
                                new ValidationException.FieldError("email", "is not valid"),
                                new ValidationException.FieldError("password", "too short"))))
                .body();
        assertThat(problem.errors())
                .containsExactly(
                        new Problem.FieldProblem("email", "is not valid"),
                        new Problem.FieldProblem("password", "too short"));
        assertThat(Problems.of(request, new ConflictException("x")).body().errors())
                .isNull();
    }

    @Test
    void someProblemsCarryHeaders() {
        assertThat(Problems.of(request, new ThrottledException("slow", 42))
                        .getHeaders()
                        .get(HttpHeaders.RETRY_AFTER))
                .isEqualTo("42");
        assertThat(Problems.of(request, new ThrottledException("slow", 0))
                        .getHeaders()
                        .get(HttpHeaders.RETRY_AFTER))
                .isEqualTo("1");
        assertThat(Problems.of(request, new StaleVersionException("Thing", 1, 2, 5))
                        .getHeaders()
                        .get(HttpHeaders.ETAG))
                .isEqualTo("\"5\"");
        assertThat(Problems.of(request, new UnauthenticatedException("no"))
                        .getHeaders()
                        .get(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer realm=\"strata\"");
        HttpRequest<?> withToken = HttpRequest.GET("/x").header(HttpHeaders.AUTHORIZATION, "Bearer abc");
        assertThat(Problems.of(withToken, new UnauthenticatedException("no"))
                        .getHeaders()
                        .get(HttpHeaders.WWW_AUTHENTICATE))
                .contains("error=\"invalid_token\"");
    }

    @Test
    void serverErrorsNeverCarryDetailsFromTheCaller() {
        Problem problem = Problems.forStatus(
                        request,
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal Server Error: password authentication failed for user strata")
                .body();
        assertThat(problem.detail()).isEqualTo(Problems.INTERNAL_DETAIL);
        assertThat(problem.type()).isEqualTo("urn:strata:problem:internal");
        assertThat(Problems.internal(request).body().detail()).isEqualTo(Problems.INTERNAL_DETAIL);
        assertThat(Problems.forStatus(request, HttpStatus.METHOD_NOT_ALLOWED, null)
                        .body()
                        .type())
                .isEqualTo("urn:strata:problem:method-not-allowed");
    }
}
