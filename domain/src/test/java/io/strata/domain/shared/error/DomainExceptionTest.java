package io.strata.domain.shared.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.value.Text;
import org.junit.jupiter.api.Test;

/** The error family: stable codes and collected validation failures. */
class DomainExceptionTest {

    @Test
    void exceptionCodesAreStable() {
        assertThat(new NotFoundException("User", 1).code()).isEqualTo("not-found");
        assertThat(new ConflictException("x").code()).isEqualTo("conflict");
        assertThat(new ForbiddenException("x").code()).isEqualTo("forbidden");
        assertThat(new UnauthenticatedException("x").code()).isEqualTo("unauthenticated");
        assertThat(new ThrottledException("x", 5).retryAfterSeconds()).isEqualTo(5);
        assertThat(new VersionRequiredException("x").code()).isEqualTo("precondition-required");
        assertThat(new ValidationException("f", "m").code()).isEqualTo("validation");
    }

    @Test
    void collectorReportsEveryFailure() {
        ValidationCollector checks = new ValidationCollector();
        checks.check(() -> Text.required("a", " ", 5));
        checks.check(() -> Text.optional("b", "toolong", 3));
        assertThat(checks.check(() -> Text.optional("c", " ok ", 3))).isEqualTo("ok");
        assertThat(checks.check("items[1]", () -> Text.required("name", " ", 5))).isNull();
        assertThatThrownBy(checks::throwIfAny).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field)
                        .containsExactly("a", "b", "items[1].name"));
    }
}
