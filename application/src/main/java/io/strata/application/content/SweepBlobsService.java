package io.strata.application.content;

import io.strata.domain.content.Sha256;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
public class SweepBlobsService implements SweepBlobsUseCase {
    private final BlobRegistration registration;
    private final ContentPolicy policy;
    private final Clock clock;

    public SweepBlobsService(BlobRegistration registration, ContentPolicy policy, Clock clock) {
        this.registration = registration;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public int sweep() {
        List<Sha256> removed =
                registration.removeUnreferenced(clock.now().minus(policy.blobGrace()), policy.sweepBatch());
        int deleted = 0;
        for (Sha256 sha256 : removed) { // each in its own transaction, after the rows' removal committed
            if (registration.deleteBytesIfUnreferenced(sha256)) {
                deleted++;
            }
        }
        return deleted;
    }
}
