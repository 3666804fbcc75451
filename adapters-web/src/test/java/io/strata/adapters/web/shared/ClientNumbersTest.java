package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ValidationException;
import org.junit.jupiter.api.Test;

class ClientNumbersTest {

    @Test
    void aLimitIsFromOneToItsMaximum() {
        assertThat(ClientNumbers.limit(null, "limit", 100, 50)).isEqualTo(50);
        assertThat(ClientNumbers.limit("  ", "limit", 100, 50)).isEqualTo(50);
        assertThat(ClientNumbers.limit(" 7 ", "limit", 100, 50)).isEqualTo(7);
        assertThat(ClientNumbers.limit("100", "limit", 100, 50)).isEqualTo(100);
        for (String bad : new String[] {"0", "101", "-1", "+5", "x", "١٠", "99999999999999999999"}) {
            assertThatThrownBy(() -> ClientNumbers.limit(bad, "taskLimit", 100, 50))
                    .as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.errors()).hasSize(1);
                        assertThat(e.errors().get(0).field()).isEqualTo("taskLimit");
                        assertThat(e.errors().get(0).message()).startsWith("must be a whole number from 1 to 100");
                    });
        }
    }
}
