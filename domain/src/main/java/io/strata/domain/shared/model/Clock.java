package io.strata.domain.shared.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Time port: aggregates take "now" from here so tests control time. Always UTC instants. */
@FunctionalInterface
@OutboundPort
public interface Clock {
    Instant now();

    /** Today's date in UTC. */
    default LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    /** The wall clock, truncated to microseconds (PostgreSQL's timestamptz precision). */
    static Clock system() {
        return () -> Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
