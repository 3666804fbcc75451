package io.strata.domain.shared.model;

import java.time.Instant;

/** Something that happened to an aggregate. Recorded by the aggregate; delivered via the outbox (later). */
public interface DomainEvent {
    Instant occurredAt();
}
