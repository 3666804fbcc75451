package io.strata.bench.peer.domain;

public enum ProjectStatus {
    PLANNING, ACTIVE, ON_HOLD, COMPLETED, CANCELLED
}
