package io.strata.bench.peer.domain;

public enum TaskStatus {
    TODO, IN_PROGRESS, BLOCKED, DONE, CANCELLED
}
