package io.strata.application.shared.idempotency;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class SettleIdempotencyKeyService implements SettleIdempotencyKeyUseCase {
    private final IdempotencyStore store;

    public SettleIdempotencyKeyService(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    @Transactional
    public void complete(String scope, String key, RecordedResponse response) {
        store.complete(scope, key, response.status(), response.contentType(), response.body(), response.headersJson());
    }

    @Override
    @Transactional
    public void release(String scope, String key) {
        store.release(scope, key);
    }
}
