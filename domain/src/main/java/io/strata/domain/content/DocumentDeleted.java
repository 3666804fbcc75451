package io.strata.domain.content;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A document was soft-deleted, with its live revisions and shares, in the batch {@code deletionId}. */
public record DocumentDeleted(DocumentId documentId, UUID deletionId, Instant occurredAt) implements DomainEvent {}
