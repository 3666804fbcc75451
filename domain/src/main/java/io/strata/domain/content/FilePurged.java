package io.strata.domain.content;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

/** A file was removed for good; its blob lost one reference. */
public record FilePurged(StoredFileId fileId, Sha256 sha256, Instant occurredAt) implements DomainEvent {}
