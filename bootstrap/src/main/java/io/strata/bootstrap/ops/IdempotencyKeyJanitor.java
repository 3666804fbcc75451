package io.strata.bootstrap.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.strata.application.shared.IdempotencyStore;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired Idempotency-Key records. Claims already overwrite expired keys, so this only keeps
 * the table from growing; running it on several instances at once is harmless.
 */
@Singleton
@Requires(property = "strata.jobs.enabled", notEquals = "false") // off for db verify, which writes nothing
public class IdempotencyKeyJanitor {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyJanitor.class);

    private final IdempotencyStore store;
    private final Clock clock;

    public IdempotencyKeyJanitor(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${strata.idempotency.purge-interval:1h}", initialDelay = "5m")
    public int purgeExpired() {
        int purged = store.purgeExpired(clock.now());
        if (purged > 0) {
            LOG.info("Purged {} expired idempotency keys", purged);
        }
        return purged;
    }
}
