package io.strata.application.shared;

import java.util.List;

/**
 * The invariants every context contributes ({@link InvariantCheck}), as {@code strata db verify} asks for them:
 * each check runs in a read-only transaction of its own, so one that fails leaves the others their answer.
 */
@Query
public interface InvariantQueries {

    /** The name of every contributed check, sorted. */
    List<String> names();

    /** At most {@code limit} violations of the check named {@code name}; empty when the data keeps it. */
    List<String> violations(String name, int limit);
}
