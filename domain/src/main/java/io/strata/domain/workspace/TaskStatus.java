package io.strata.domain.workspace;

public enum TaskStatus {
    TODO,
    IN_PROGRESS,
    BLOCKED,
    DONE,
    CANCELLED;

    /** DONE and CANCELLED tasks are resolved; every other status is open. */
    public boolean isOpen() {
        return this != DONE && this != CANCELLED;
    }
}
