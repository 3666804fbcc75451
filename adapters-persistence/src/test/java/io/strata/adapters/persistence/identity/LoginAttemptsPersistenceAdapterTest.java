package io.strata.adapters.persistence.identity;

import static io.strata.adapters.persistence.identity.IdentityFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.LoginAttempts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginAttemptsPersistenceAdapterTest extends PostgresTest {

    @Test
    void countsFailuresPerKeyInsideTheWindow() {
        LoginAttempts attempts = bean(LoginAttempts.class);
        txRun(() -> {
            attempts.recordFailure("account:a@example.com", T0);
            attempts.recordFailure("account:a@example.com", T0.plus(Duration.ofMinutes(1)));
            attempts.recordFailure("account:a@example.com", T0.plus(Duration.ofMinutes(2)));
            attempts.recordFailure("ip:203.0.113.7", T0.plus(Duration.ofMinutes(2)));
        });
        assertThat(readTx(() -> attempts.failuresSince("account:a@example.com", T0)))
                .isEqualTo(3);
        assertThat(readTx(() -> attempts.failuresSince("account:a@example.com", T0.plusSeconds(30))))
                .isEqualTo(2);
        assertThat(readTx(() -> attempts.oldestFailureSince("account:a@example.com", T0.plusSeconds(30))))
                .isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(readTx(() -> attempts.failuresSince("ip:203.0.113.7", T0))).isEqualTo(1);
        assertThat(readTx(() -> attempts.failuresSince("account:b@example.com", T0)))
                .isZero();
        assertThat(readTx(() -> attempts.oldestFailureSince("account:b@example.com", T0)))
                .isNull();

        txRun(() -> attempts.clear("account:a@example.com"));
        assertThat(readTx(() -> attempts.failuresSince("account:a@example.com", T0)))
                .isZero();
        assertThat(readTx(() -> attempts.failuresSince("ip:203.0.113.7", T0))).isEqualTo(1);
    }
}
