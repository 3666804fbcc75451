package io.strata.domain.workspace;

public enum Priority {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
