package io.strata.domain.content;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** One revision of a document was hidden on its own, in the batch {@code deletionId}. */
public record DocumentRevisionDeleted(DocumentId documentId, int revision, UUID deletionId, Instant occurredAt)
        implements DomainEvent {}
