package io.strata.application.identity;

import io.strata.domain.identity.LoginAttempts;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ThrottledException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;

@Singleton
public class ChangePasswordService implements ChangePasswordUseCase {
    private final UserRepository users;
    private final SessionRepository sessions;
    private final UserCredentials credentials;
    private final LoginThrottle throttle;
    private final IdentityPolicy policy;
    private final Clock clock;

    public ChangePasswordService(
            UserRepository users,
            SessionRepository sessions,
            UserCredentials credentials,
            LoginAttempts attempts,
            IdentityPolicy policy,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.credentials = credentials;
        this.throttle = new LoginThrottle(attempts, policy);
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * A wrong current password counts as a failed login (same throttle), and that count must persist:
     * validation failures are thrown either before any write or right after recording the failure,
     * so they commit instead of rolling back.
     */
    @Override
    @Transactional(dontRollbackOn = {ThrottledException.class, ValidationException.class})
    public int changePassword(Command command) {
        UserId id = command.actor().userId();
        User user = users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
        Password next = Password.newPassword("newPassword", command.newPassword());
        String key = LoginThrottle.accountKey(user.email().value());
        Instant now = clock.now();
        throttle.check(key, policy.maxFailuresPerAccount(), now);
        if (!credentials.matches(id, Password.attempt(command.currentPassword()))) {
            throttle.recordFailure(key, now);
            throw new ValidationException("currentPassword", "is not the current password");
        }
        credentials.store(id, next);
        user.passwordChanged(clock);
        users.save(user);
        return sessions.revokeAllExcept(id, command.currentSession(), now);
    }
}
