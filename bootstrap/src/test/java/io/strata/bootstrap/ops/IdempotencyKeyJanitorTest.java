package io.strata.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.application.shared.IdempotencyStore;
import io.strata.bootstrap.testing.IntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyKeyJanitorTest extends IntegrationTest {

    @Test
    void purgesOnlyExpiredKeys() {
        IdempotencyStore store = bean(IdempotencyStore.class);
        Instant now = Instant.now();
        store.claim("test", "expired", "h1", now.minusSeconds(7200), now.minusSeconds(3600));
        store.claim("test", "live", "h2", now, now.plusSeconds(3600));

        assertThat(bean(IdempotencyKeyJanitor.class).purgeExpired()).isEqualTo(1);

        assertThat(store.claim("test", "live", "h2", now, now.plusSeconds(3600)))
                .isPresent();
        assertThat(store.claim("test", "expired", "h3", now, now.plusSeconds(3600)))
                .isEmpty();
    }
}
