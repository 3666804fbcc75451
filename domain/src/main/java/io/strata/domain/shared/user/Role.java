package io.strata.domain.shared.user;

/** Platform-wide roles; every context authorizes against these. */
public enum Role {
    ADMIN,
    MANAGER,
    USER,
    GUEST
}
