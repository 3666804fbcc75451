package io.strata.domain.shared.model;

import java.time.Instant;

/**
 * Something that happened to an aggregate, recorded by the aggregate ({@link AggregateRoot#record}) when it
 * changes. Events are records of domain values: every repository that stores an aggregate (add, save, delete,
 * and the bulk paths) appends the events it recorded to the outbox in the same transaction, so an event exists
 * exactly when its change is committed. Never put a secret (a password or token hash) in an event: events leave
 * the system.
 */
public interface DomainEvent {
    Instant occurredAt();
}
