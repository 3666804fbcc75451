package io.strata.domain.content;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A document was created at revision 1 (its title and content are not in the event). */
public record DocumentCreated(DocumentId documentId, UserId ownerId, DocumentKind kind, Instant occurredAt)
        implements DomainEvent {}
