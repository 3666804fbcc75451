package io.strata.domain.identity;

public enum UserStatus {
    ACTIVE,
    INACTIVE
}
