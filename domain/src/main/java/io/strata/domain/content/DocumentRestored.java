package io.strata.domain.content;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** The deletion batch {@code deletionId} of a document was undone. */
public record DocumentRestored(DocumentId documentId, UUID deletionId, Instant occurredAt) implements DomainEvent {}
