package io.strata.domain.workspace;

public enum ProjectStatus {
    PLANNING,
    ACTIVE,
    ON_HOLD,
    COMPLETED,
    CANCELLED;

    /** A closed project takes no new tasks. */
    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED;
    }
}
