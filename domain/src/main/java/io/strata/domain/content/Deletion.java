package io.strata.domain.content;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A soft deletion: when, and the batch it belongs to. Everything one delete hides (a document with its
 * revisions and shares) carries the same {@code batchId}, and restore undoes exactly that batch.
 */
public record Deletion(UUID batchId, Instant deletedAt) {
    public Deletion {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(deletedAt, "deletedAt");
    }

    public static Deletion newBatch(Instant now) {
        return new Deletion(UUID.randomUUID(), now);
    }
}
