package io.strata.application.shared;

import io.strata.domain.shared.model.OutboundPort;
import java.util.List;

/**
 * Port: one invariant of a context's stored data that the database's constraints cannot express (a counter kept
 * in step with the rows it counts, a ledger that balances, a reference count), checked by {@code strata db verify}.
 * Each context contributes its own as beans implementing this port, usually in its persistence adapter; verify
 * runs every one in a read-only transaction and prints what it finds.
 */
@OutboundPort
public interface InvariantCheck {

    /** What is checked, e.g. {@code workspace: project task counters match the tasks}. */
    String name();

    /**
     * At most {@code limit} violations, one line each, naming the row and what is wrong
     * ({@code project 0c1f...: taskCount 5 but 4 tasks}); empty when the data keeps the invariant.
     */
    List<String> violations(int limit);
}
