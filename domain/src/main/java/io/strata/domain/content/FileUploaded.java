package io.strata.domain.content;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A file was stored (its bytes are in the blob {@code sha256}). */
public record FileUploaded(StoredFileId fileId, UserId ownerId, Sha256 sha256, long sizeBytes, Instant occurredAt)
        implements DomainEvent {}
