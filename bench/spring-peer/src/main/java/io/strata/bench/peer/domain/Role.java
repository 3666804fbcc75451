package io.strata.bench.peer.domain;

public enum Role {
    ADMIN, MANAGER, USER, GUEST
}
