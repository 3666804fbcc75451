package io.strata.application.identity;

import io.strata.domain.identity.Email;
import io.strata.domain.identity.LoginAttempts;
import io.strata.domain.shared.error.ThrottledException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import java.time.Duration;
import java.time.Instant;

/**
 * Attempts per key (an account, a client IP) in a sliding window; too many make the next attempt a
 * {@link ThrottledException} that says when to retry. Counts failed password checks for log-in and
 * change-password, and anonymous sign-ups per IP ({@link SignUpThrottle}). Keys are short and storable
 * whatever a client sends.
 */
final class LoginThrottle {
    /** Longest IP literal (an IPv6 address with an embedded IPv4 one). */
    private static final int MAX_IP_LENGTH = 45;

    private final LoginAttempts attempts;
    private final Duration window;
    private final String counted;

    LoginThrottle(LoginAttempts attempts, IdentityPolicy policy) {
        this(attempts, policy.failureWindow(), "failed password checks");
    }

    /** {@code counted} names the attempts in the 429's message, e.g. "sign-ups from this address". */
    LoginThrottle(LoginAttempts attempts, Duration window, String counted) {
        this.attempts = attempts;
        this.window = window;
        this.counted = counted;
    }

    /**
     * The counter key of the account an e-mail names, or null (no account counter) when it is not a valid
     * e-mail: no account can have it, and a key must stay short and storable whatever a client sends.
     */
    static String accountKey(String email) {
        try {
            return "account:" + new Email(email).value();
        } catch (ValidationException e) {
            return null;
        }
    }

    /** The counter key of a client IP, or null (no IP counter) for no address or one that is no IP literal. */
    static String ipKey(String ip) {
        return ip == null || ip.isEmpty() || ip.length() > MAX_IP_LENGTH || Storable.textProblem(ip) != null
                ? null
                : "ip:" + ip;
    }

    /** Throws when {@code key} (ignored when null) already has {@code max} attempts in the window. */
    void check(String key, int max, Instant now) {
        if (key == null) {
            return;
        }
        Instant since = now.minus(window);
        if (attempts.failuresSince(key, since) >= max) {
            Instant oldest = attempts.oldestFailureSince(key, since);
            long retry = oldest == null
                    ? window.toSeconds()
                    : Math.max(1, Duration.between(now, oldest.plus(window)).toSeconds());
            throw new ThrottledException("too many " + counted + "; retry in " + retry + " s", retry);
        }
    }

    void recordFailure(String key, Instant now) {
        if (key != null) {
            attempts.recordFailure(key, now);
        }
    }

    void clear(String key) {
        if (key != null) {
            attempts.clear(key);
        }
    }
}
