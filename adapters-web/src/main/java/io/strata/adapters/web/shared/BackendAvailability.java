package io.strata.adapters.web.shared;

import java.time.Duration;
import java.util.Optional;

/**
 * What the web adapter needs to know about the services behind the use cases (the database) to answer a fast
 * {@code 503} instead of a slow {@code 500} when one of them is down. The web adapter does not know what a
 * database failure looks like; the deployable that wires the database in implements this (Strata's bootstrap,
 * with a circuit that opens on connection failures and probes for recovery). Without an implementation nothing
 * is an outage.
 */
public interface BackendAvailability {

    /** While a backing service is known to be down: how long clients should wait before retrying. */
    Optional<Duration> knownOutage();

    /**
     * Whether {@code failure} (anywhere in its cause chain) means a backing service is unreachable, overloaded or
     * shutting down rather than a bug; if so, the failure is recorded (it may open the circuit) and the result is
     * how long clients should wait before retrying.
     */
    Optional<Duration> outageOf(Throwable failure);

    /**
     * Whether {@code failure} is the backing service refusing a transaction over a concurrent one (PostgreSQL's
     * deadlock or serialization failure): nothing was kept and the same request may succeed when retried.
     */
    default boolean concurrencyConflict(Throwable failure) {
        return false;
    }
}
