package io.strata.domain.content;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** The content changed: a new revision by {@code authorId}; {@code restoredFrom} names the revision copied back, if any. */
public record DocumentRevised(
        DocumentId documentId, int revision, UserId authorId, Integer restoredFrom, Instant occurredAt)
        implements DomainEvent {}
