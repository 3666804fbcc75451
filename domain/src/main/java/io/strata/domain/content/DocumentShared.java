package io.strata.domain.content;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A user was given (or given again) access to a document. */
public record DocumentShared(
        DocumentId documentId, UserId userId, SharePermission permission, Instant expiresAt, Instant occurredAt)
        implements DomainEvent {}
