package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.propagation.PropagatedContext;
import io.strata.adapters.persistence.shared.RowSecurity.Acting;
import io.strata.adapters.persistence.shared.RowSecurity.RequestElement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who acts: the work's own choice, else the request's user in the propagated context, else Strata's own work. */
class RowSecurityActingTest {
    private final Acting user = new Acting("USER", UUID.randomUUID().toString());

    @Test
    void withoutARequestOrAChoiceStrataActs() {
        assertThat(RowSecurity.current()).isEqualTo(Acting.SYSTEM_WORK);
    }

    @Test
    void theRequestsUserActsWhereverItsContextIsPropagated() throws InterruptedException {
        PropagatedContext request = PropagatedContext.getOrEmpty().plus(new RequestElement(user));
        try (PropagatedContext.Scope ignored = request.propagate()) {
            assertThat(RowSecurity.current()).isEqualTo(user);
        }
        assertThat(RowSecurity.current()).isEqualTo(Acting.SYSTEM_WORK);
        Acting[] seen = new Acting[1];
        Runnable look = () -> seen[0] = RowSecurity.current();
        Thread other = new Thread(request.wrap(look)); // an executor hop
        other.start();
        other.join();
        assertThat(seen[0]).isEqualTo(user);
    }

    @Test
    void theWorksOwnChoiceWinsAndEndsWithIt() {
        PropagatedContext request = PropagatedContext.getOrEmpty().plus(new RequestElement(user));
        try (PropagatedContext.Scope ignored = request.propagate()) {
            assertThat(RowSecurity.actingAs(Acting.SYSTEM_WORK, RowSecurity::current))
                    .isEqualTo(Acting.SYSTEM_WORK);
            assertThat(RowSecurity.current()).isEqualTo(user);
        }
        Acting other = new Acting("ADMIN", UUID.randomUUID().toString());
        assertThat(RowSecurity.actingAs(other, () -> RowSecurity.actingAs(Acting.SYSTEM_WORK, RowSecurity::current)))
                .isEqualTo(Acting.SYSTEM_WORK);
        assertThat(RowSecurity.actingAs(other, RowSecurity::current)).isEqualTo(other);
        assertThat(RowSecurity.current()).isEqualTo(Acting.SYSTEM_WORK);
    }
}
