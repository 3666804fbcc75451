package io.strata.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.transaction.hibernate.HibernateTransactionManager;
import io.strata.application.shared.idempotency.IdempotencyStore;
import io.strata.bootstrap.testing.IntegrationTest;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IdempotencyKeyJanitorTest extends IntegrationTest {

    @Test
    void purgesOnlyExpiredKeys() {
        IdempotencyStore store = bean(IdempotencyStore.class);
        Instant now = Instant.now();
        tx(() -> store.claim("test", "expired", "h1", now.minusSeconds(7200), now.minusSeconds(3600)));
        tx(() -> store.claim("test", "live", "h2", now, now.plusSeconds(3600)));

        assertThat(bean(IdempotencyKeyJanitor.class).purgeExpired()).isEqualTo(1);

        assertThat(tx(() -> store.claim("test", "live", "h2", now, now.plusSeconds(3600))))
                .isPresent();
        assertThat(tx(() -> store.claim("test", "expired", "h3", now, now.plusSeconds(3600))))
                .isEmpty();
    }

    private <T> T tx(Supplier<T> work) {
        return bean(HibernateTransactionManager.class).executeWrite(status -> work.get());
    }
}
