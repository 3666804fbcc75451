package io.strata.application.shared.idempotency;

import io.strata.application.shared.idempotency.IdempotencyStore.IdempotencyRecord;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

@Singleton
public class ClaimIdempotencyKeyService implements ClaimIdempotencyKeyUseCase {
    private final IdempotencyStore store;
    private final Clock clock;

    public ClaimIdempotencyKeyService(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Its own short transaction: the claim is committed before the request it guards runs. */
    @Override
    @Transactional
    public Optional<RecordedResponse> claim(Command command) {
        Instant now = clock.now();
        Optional<IdempotencyRecord> existing =
                store.claim(command.scope(), command.key(), command.requestHash(), now, now.plus(RETENTION));
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord record = existing.get();
        if (!record.requestHash().equals(command.requestHash())) {
            throw new ConflictException("Idempotency-Key '" + command.key() + "' was already used for a different "
                    + "request; use a new key for a new request");
        }
        if (!record.completed()) {
            throw new ConflictException("request with this key is still in progress; retry later");
        }
        return Optional.of(
                new RecordedResponse(record.status(), record.contentType(), record.body(), record.headersJson()));
    }
}
