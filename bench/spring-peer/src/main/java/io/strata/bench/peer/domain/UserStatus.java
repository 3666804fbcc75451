package io.strata.bench.peer.domain;

public enum UserStatus {
    ACTIVE, INACTIVE
}
