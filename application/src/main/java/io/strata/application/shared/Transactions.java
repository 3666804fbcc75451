package io.strata.application.shared;

import java.util.function.Supplier;

/**
 * Port for read-only transactions. Writes use {@code @jakarta.transaction.Transactional} on the use
 * case method; {@code jakarta.transaction} has no read-only flag and application code may not import
 * Micronaut, so reads run their work through this port, which the persistence adapter implements
 * with a read-only transaction (one snapshot, no flush, replica-ready).
 */
public interface Transactions {
    <T> T readOnly(Supplier<T> work);
}
