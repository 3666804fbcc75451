package io.strata.application.identity;

import io.strata.domain.identity.LoginAttempts;
import io.strata.domain.shared.error.ThrottledException;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed password checks per key (an account or a client IP) in a sliding window; too many make the
 * next attempt a {@link ThrottledException} that says when to retry. Shared by log-in and change-password.
 */
final class LoginThrottle {
    private final LoginAttempts attempts;
    private final IdentityPolicy policy;

    LoginThrottle(LoginAttempts attempts, IdentityPolicy policy) {
        this.attempts = attempts;
        this.policy = policy;
    }

    static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    static String ipKey(String ip) {
        return ip == null ? null : "ip:" + ip;
    }

    /** Throws when {@code key} (ignored when null) already has {@code max} failures in the window. */
    void check(String key, int max, Instant now) {
        if (key == null) {
            return;
        }
        Instant since = now.minus(policy.failureWindow());
        if (attempts.failuresSince(key, since) >= max) {
            Instant oldest = attempts.oldestFailureSince(key, since);
            long retry = oldest == null ? policy.failureWindow().toSeconds()
                    : Math.max(1, Duration.between(now, oldest.plus(policy.failureWindow())).toSeconds());
            throw new ThrottledException("too many failed password checks; retry in " + retry + " s", retry);
        }
    }

    void recordFailure(String key, Instant now) {
        if (key != null) {
            attempts.recordFailure(key, now);
        }
    }

    void clear(String key) {
        attempts.clear(key);
    }
}
