package io.strata.domain.shared.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.StaleVersionException;
import org.junit.jupiter.api.Test;

/** Aggregate building blocks: optimistic versions and the clock. */
class ModelTest {

    @Test
    void versionMismatchIsStale() {
        Versioned.require("User", "u1", 3, 3);
        assertThatThrownBy(() -> Versioned.require("User", "u1", 2, 3))
                .isInstanceOf(StaleVersionException.class)
                .hasMessage("User u1 is at version 3, not 2")
                .extracting(e -> ((StaleVersionException) e).currentVersion())
                .isEqualTo(3L);
    }

    @Test
    void clockGivesTodayInUtc() {
        Clock lateEvening = () -> java.time.Instant.parse("2026-01-31T23:59:59Z");
        assertThat(lateEvening.today()).isEqualTo(java.time.LocalDate.parse("2026-01-31"));
    }
}
