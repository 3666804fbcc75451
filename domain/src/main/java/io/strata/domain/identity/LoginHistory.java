package io.strata.domain.identity;

import java.time.Instant;

/**
 * A user's logins: the last one and how many there were. The repository counts them
 * ({@link UserRepository#recordLogin}) without a version check, so a login never conflicts with an edit.
 */
public record LoginHistory(Instant lastLoginAt, long loginCount) {
    public static final LoginHistory NONE = new LoginHistory(null, 0);
}
