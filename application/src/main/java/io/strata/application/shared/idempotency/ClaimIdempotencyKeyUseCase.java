package io.strata.application.shared.idempotency;

import io.strata.application.shared.UseCase;
import java.time.Duration;
import java.util.Optional;

/**
 * Claims an {@code Idempotency-Key} before a creating request runs, so that a retry returns the first
 * outcome and never creates a second resource.
 *
 * <p>Why this is a use case and not an HTTP cache the web adapter keeps for itself: "a retried
 * creation runs once" is a guarantee about state changes, with a rule (a key names one request; a
 * running first request blocks its retries until its lease ends) and a transaction boundary (the claim
 * commits before the request runs, so a concurrent retry sees it). Both belong to the application,
 * and the web adapter reaches the application only through use cases, like every driving adapter.
 * What stays in the web adapter is HTTP: which requests take part, the scope (caller and path), the
 * request hash, and the response bytes and headers, which the application stores without reading
 * ({@link RecordedResponse}). The table behind {@link IdempotencyStore} is the persistence adapter's.
 * The other half is {@link SettleIdempotencyKeyUseCase}; {@link PurgeIdempotencyKeysUseCase} cleans up.
 */
@UseCase
public interface ClaimIdempotencyKeyUseCase {
    /** How long a completed response is replayed. */
    Duration RETENTION = Duration.ofHours(24);

    /**
     * Returns empty when the key is now claimed for this request: run it, then settle the key. Returns
     * the first response when the same request already completed under this key: replay it.
     *
     * @throws io.strata.domain.shared.error.ConflictException when the key was used for a different
     *         request, or when its first request is still running
     */
    Optional<RecordedResponse> claim(Command command);

    /**
     * @param scope       who asks for what (the caller and the path), so keys of different callers never meet
     * @param key         the client's key
     * @param requestHash a digest of the request, to tell a retry from a different request under the same key
     */
    record Command(String scope, String key, String requestHash) {}
}
