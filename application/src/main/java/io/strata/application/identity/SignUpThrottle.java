package io.strata.application.identity;

import io.strata.domain.identity.LoginAttempts;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Anonymous sign-ups per client IP in a sliding window, with the log-in counters' mechanism
 * ({@link LoginThrottle}; too many are a {@code ThrottledException}, 429). Sign-up answers whether an
 * e-mail is registered, so probing it for many addresses must be slow. Each attempt that gets as far as
 * that answer is counted in a transaction of its own: call it outside the registration's transaction,
 * so that a sign-up answered 409 (which rolls back) still counts and a sign-up never holds two pooled
 * connections at once.
 */
@Singleton
public class SignUpThrottle {
    private final LoginThrottle throttle;
    private final IdentityPolicy policy;
    private final Clock clock;

    public SignUpThrottle(LoginAttempts attempts, IdentityPolicy policy, Clock clock) {
        this.throttle = new LoginThrottle(attempts, policy.signUpWindow(), "sign-ups from this address");
        this.policy = policy;
        this.clock = clock;
    }

    /** Counts one sign-up from {@code ip} (no address: not counted), or throws when there were too many. */
    @Transactional
    public void admit(String ip) {
        String key = LoginThrottle.ipKey(ip);
        if (key == null) {
            return;
        }
        String signUpKey = "sign-up:" + key;
        Instant now = clock.now();
        throttle.check(signUpKey, policy.maxSignUpsPerIp(), now);
        throttle.recordFailure(signUpKey, now);
    }
}
