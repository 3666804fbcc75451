package io.strata.bootstrap.ops;

import io.micronaut.scheduling.annotation.Scheduled;
import io.strata.adapters.persistence.shared.RowSecurity;
import io.strata.application.content.SweepBlobsUseCase;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the blob sweeper: bytes no file has used for the grace period are deleted, and expired resumable uploads go.
 * Safe on several instances at once (rows are claimed with SKIP LOCKED, bytes deleted under the blob's lock). Acts
 * as SYSTEM (row-level security): the uploads it expires belong to every user.
 */
@Singleton
public class BlobSweepJob {
    private static final Logger LOG = LoggerFactory.getLogger(BlobSweepJob.class);

    private final SweepBlobsUseCase sweeper;

    public BlobSweepJob(SweepBlobsUseCase sweeper) {
        this.sweeper = sweeper;
    }

    @Scheduled(
            fixedDelay = "${strata.content.sweep-interval:10m}",
            initialDelay = "${strata.content.sweep-interval:10m}")
    public int sweep() {
        int deleted = RowSecurity.actingAs(RowSecurity.Acting.SYSTEM_WORK, sweeper::sweep);
        if (deleted > 0) {
            LOG.info("Deleted the bytes of {} unreferenced blobs", deleted);
        }
        return deleted;
    }
}
