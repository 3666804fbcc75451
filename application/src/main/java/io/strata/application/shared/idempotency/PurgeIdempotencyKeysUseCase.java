package io.strata.application.shared.idempotency;

import io.strata.application.shared.UseCase;

/**
 * Deletes expired {@code Idempotency-Key} records. Claims already overwrite expired keys, so this only
 * keeps the table from growing; running it on several instances at once is harmless.
 */
@UseCase
public interface PurgeIdempotencyKeysUseCase {
    /** Returns how many records were deleted. */
    int purgeExpired();
}
