package io.strata.bench.peer.domain;

public enum Priority {
    LOW, MEDIUM, HIGH, CRITICAL
}
