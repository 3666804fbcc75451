package io.strata.domain.content;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

/** A file became public or private. */
public record FileVisibilityChanged(StoredFileId fileId, Visibility visibility, Instant occurredAt)
        implements DomainEvent {}
