package io.strata.domain.shared.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the events an aggregate records until the repository that stores it takes them
 * ({@link #pullEvents()}) and appends them to the outbox in the same transaction.
 */
public abstract class AggregateRoot {
    private final List<DomainEvent> events = new ArrayList<>();

    protected void record(DomainEvent event) {
        events.add(event);
    }

    /** Returns and clears the recorded events, oldest first. */
    public List<DomainEvent> pullEvents() {
        List<DomainEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }
}
