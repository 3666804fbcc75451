package io.strata.domain.shared.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paging requests are bounded and consistent. */
class PageRequestTest {

    @Test
    void pageRequestLimitIsBetween1And200() {
        assertThat(PageRequest.first(200, List.of()).limit()).isEqualTo(200);
        assertThatThrownBy(() -> PageRequest.first(0, List.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("between 1 and 200");
        assertThatThrownBy(() -> PageRequest.first(201, List.of())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new PageRequest(10, "c", 0, List.of(), TotalCount.NONE))
                .hasMessageContaining("cannot be combined");
        assertThatThrownBy(() -> new PageRequest(10, null, -1, List.of(), TotalCount.NONE))
                .isInstanceOf(ValidationException.class);
    }
}
