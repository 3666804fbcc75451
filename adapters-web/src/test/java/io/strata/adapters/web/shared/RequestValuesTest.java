package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Role;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestValuesTest {

    @Test
    void readsCommaSeparatedAndRepeatedUuids() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        assertThat(RequestValues.uuids("ids", List.of(a + "," + b, c.toString()), 10))
                .containsExactly(a, b, c);
    }

    @Test
    void reportsEveryBadUuidByPositionAndBoundsTheCount() {
        assertThatThrownBy(() -> RequestValues.uuids("ids", List.of(UUID.randomUUID() + ",nope,1-2-3-4-5"), 10))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(ValidationException.FieldError::field)
                                .containsExactly("ids[1]", "ids[2]"));
        assertThatThrownBy(() -> RequestValues.uuids("ids", List.of(), 10)).hasMessageContaining("give 1 to 10");
        assertThatThrownBy(() -> RequestValues.uuids("ids", List.of(UUID.randomUUID() + "," + UUID.randomUUID()), 1))
                .hasMessageContaining("got more");
    }

    @Test
    void aNullItemIsReportedByPosition() {
        assertThatThrownBy(() -> RequestValues.uuids(
                        "ids", java.util.Arrays.asList(UUID.randomUUID().toString(), null), 10))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new ValidationException.FieldError("ids[1]", "must not be null")));
    }

    @Test
    void enumsAreCaseInsensitiveAndNameTheAllowedValues() {
        assertThat(RequestValues.enumValue("role", "admin", Role.class)).isEqualTo(Role.ADMIN);
        assertThat(RequestValues.enumValue("role", null, Role.class)).isNull();
        assertThatThrownBy(() -> RequestValues.enumValue("role", "root", Role.class))
                .hasMessageContaining("'root' is not one of ADMIN, MANAGER, USER, GUEST");
    }
}
