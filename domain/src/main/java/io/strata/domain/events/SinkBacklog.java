package io.strata.domain.events;

import java.time.Instant;

/** A sink's backlog: events not delivered yet; {@code oldestUndelivered} is null when it is up to date. */
public record SinkBacklog(EventSink sink, long pending, Instant oldestUndelivered) {}
