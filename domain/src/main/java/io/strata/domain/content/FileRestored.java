package io.strata.domain.content;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

/** A soft-deleted file was restored. */
public record FileRestored(StoredFileId fileId, Instant occurredAt) implements DomainEvent {}
