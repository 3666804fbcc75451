package io.strata.bootstrap.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.strata.adapters.persistence.shared.RowSecurity;
import io.strata.application.shared.idempotency.PurgeIdempotencyKeysUseCase;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link PurgeIdempotencyKeysUseCase} on a schedule, as SYSTEM (row-level security: every user's keys). */
@Singleton
@Requires(property = "strata.jobs.enabled", notEquals = "false") // off for db verify, which writes nothing
public class IdempotencyKeyJanitor {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyJanitor.class);

    private final PurgeIdempotencyKeysUseCase purge;

    public IdempotencyKeyJanitor(PurgeIdempotencyKeysUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelay = "${strata.idempotency.purge-interval:1h}", initialDelay = "5m")
    public int purgeExpired() {
        int purged = RowSecurity.actingAs(RowSecurity.Acting.SYSTEM_WORK, purge::purgeExpired);
        if (purged > 0) {
            LOG.info("Purged {} expired idempotency keys", purged);
        }
        return purged;
    }
}
