package io.strata.domain.content;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A file was soft-deleted in the batch {@code deletionId}. */
public record FileDeleted(StoredFileId fileId, UUID deletionId, Instant occurredAt) implements DomainEvent {}
