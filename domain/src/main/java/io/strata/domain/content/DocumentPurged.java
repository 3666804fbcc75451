package io.strata.domain.content;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A document was deleted for good, with its revisions and shares. */
public record DocumentPurged(DocumentId documentId, UserId ownerId, Instant occurredAt) implements DomainEvent {}
