package io.strata.domain.content;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A user's share of a document was removed. */
public record DocumentUnshared(DocumentId documentId, UserId userId, Instant occurredAt) implements DomainEvent {}
