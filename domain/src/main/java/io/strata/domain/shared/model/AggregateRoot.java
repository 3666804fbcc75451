package io.strata.domain.shared.model;

import java.util.ArrayList;
import java.util.List;

/** Collects the events an aggregate records until the application layer takes them. */
public abstract class AggregateRoot {
    private final List<DomainEvent> events = new ArrayList<>();

    protected void record(DomainEvent event) {
        events.add(event);
    }

    /** Returns and clears the recorded events. */
    public List<DomainEvent> pullEvents() {
        List<DomainEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }
}
