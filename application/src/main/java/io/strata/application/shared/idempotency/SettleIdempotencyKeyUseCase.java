package io.strata.application.shared.idempotency;

import io.strata.application.shared.UseCase;

/** Settles a key claimed by {@link ClaimIdempotencyKeyUseCase} once its request has an outcome. */
@UseCase
public interface SettleIdempotencyKeyUseCase {
    /** The request succeeded: its response is replayed to retries until the key expires. */
    void complete(String scope, String key, RecordedResponse response);

    /** The request failed: the claim is forgotten, so that a retry runs again. */
    void release(String scope, String key);
}
