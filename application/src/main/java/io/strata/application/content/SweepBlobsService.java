package io.strata.application.content;

import io.strata.domain.content.BlobStore;
import io.strata.domain.content.Sha256;
import io.strata.domain.content.UploadId;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

@Singleton
public class SweepBlobsService implements SweepBlobsUseCase {
    private final BlobRegistration registration;
    private final ContentPolicy policy;
    private final UploadCompletion uploads;
    private final BlobStore blobs;
    private final Clock clock;

    public SweepBlobsService(
            BlobRegistration registration,
            ContentPolicy policy,
            UploadCompletion uploads,
            BlobStore blobs,
            Clock clock) {
        this.registration = registration;
        this.uploads = uploads;
        this.blobs = blobs;
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
        expireUploads();
        return deleted;
    }

    /**
     * Expired resumable uploads go (row first, then their partial bytes), then staged bytes nothing wrote to for
     * longer than any live upload may rest (a crashed process's leftovers).
     */
    private void expireUploads() {
        Instant now = clock.now();
        for (UploadId expired : uploads.removeExpired(now, policy.sweepBatch())) {
            blobs.discardPartial(expired);
        }
        try {
            blobs.discardAbandoned(now.minus(policy.uploadExpiry()).minus(Duration.ofHours(1)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot discard abandoned staged bytes", e);
        }
    }
}
