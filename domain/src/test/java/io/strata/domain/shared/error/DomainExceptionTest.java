package io.strata.domain.shared.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.value.Text;
import org.junit.jupiter.api.Test;

/** The error family: one kind per exception, and collected validation failures. */
class DomainExceptionTest {

    @Test
    void eachExceptionIsOneKind() {
        assertThat(new NotFoundException("User", 1).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(new ConflictException("x").kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(new ForbiddenException("x").kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThat(new UnauthenticatedException("x").kind()).isEqualTo(DomainException.Kind.UNAUTHENTICATED);
        assertThat(new ThrottledException("x", 5).retryAfterSeconds()).isEqualTo(5);
        assertThat(new VersionRequiredException("x").kind()).isEqualTo(DomainException.Kind.VERSION_REQUIRED);
        assertThat(new ValidationException("f", "m").kind()).isEqualTo(DomainException.Kind.VALIDATION);
    }

    @Test
    void collectorReportsEveryFailure() {
        ValidationCollector checks = new ValidationCollector();
        checks.check(() -> Text.required("a", " ", 5));
        checks.check(() -> Text.optional("b", "toolong", 3));
        assertThat(checks.check(() -> Text.optional("c", " ok ", 3))).isEqualTo("ok");
        assertThat(checks.check("items[1]", () -> Text.required("name", " ", 5)))
                .isNull();
        assertThatThrownBy(checks::throwIfAny)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(ValidationException.FieldError::field)
                                .containsExactly("a", "b", "items[1].name"));
    }
}
