package io.strata.application.shared.idempotency;

import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class PurgeIdempotencyKeysService implements PurgeIdempotencyKeysUseCase {
    private final IdempotencyStore store;
    private final Clock clock;

    public PurgeIdempotencyKeysService(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int purgeExpired() {
        return store.purgeExpired(clock.now());
    }
}
