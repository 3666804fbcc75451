package io.strata.application.content;

import java.time.Duration;

/**
 * Settings of the content use cases, from configuration ({@code strata.content.*}).
 *
 * @param maxFileBytes     largest file accepted by an upload (more: 413, nothing stored)
 * @param blobGrace        how long a blob's reference count must stay 0 before the sweeper deletes its bytes
 * @param sweepBatch       how many blobs one sweep removes at most
 * @param uploadExpiry     how long a resumable upload may rest between two appends before it expires
 */
public record ContentPolicy(long maxFileBytes, Duration blobGrace, int sweepBatch, Duration uploadExpiry) {
    public ContentPolicy {
        if (maxFileBytes <= 0
                || sweepBatch <= 0
                || blobGrace.isNegative()
                || uploadExpiry.isNegative()
                || uploadExpiry.isZero()) {
            throw new IllegalArgumentException("content policy: sizes and batch must be positive, grace not negative");
        }
    }
}
