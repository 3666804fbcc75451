package io.strata.application.identity;

import io.strata.application.identity.ChangePasswordUseCase.Command;
import io.strata.domain.identity.HashedPassword;
import io.strata.domain.identity.LoginAttempts;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.identity.StoredPassword;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The two transactions of {@link ChangePasswordService}, which checks the current password and hashes the new one
 * between them, holding no pooled connection (see {@link LogInSteps}).
 */
@Singleton
public class ChangePasswordSteps {
    private final UserRepository users;
    private final SessionRepository sessions;
    private final UserCredentials credentials;
    private final LoginThrottle throttle;
    private final IdentityPolicy policy;
    private final Clock clock;

    public ChangePasswordSteps(
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

    /** A change past the checks that need no hashing: the new password, the account's throttle key, the old hash. */
    public record Change(UserId userId, Password next, String accountKey, StoredPassword current) {
        @Override
        public String toString() {
            return "PasswordChange[" + userId + "]";
        }
    }

    /** Reads only: the user (404 once deleted), the new password's policy (400), the throttle (429), the hash. */
    @Transactional
    public Change begin(Command command) {
        UserId id = command.actor().userId();
        User user = users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
        Password next = Password.newPassword("newPassword", command.newPassword());
        String key = LoginThrottle.accountKey(user.email().value());
        throttle.check(key, policy.maxFailuresPerAccount(), clock.now());
        return new Change(id, next, key, credentials.load(id));
    }

    /**
     * A wrong current password counts as a failed login (same throttle) and that count must survive the 400, so it
     * does not roll back. A password changed by another request since {@link #begin} is a 409: what was checked is
     * no longer the current password. Returns how many other sessions were revoked.
     */
    @Transactional(dontRollbackOn = ValidationException.class)
    public int finish(Change change, boolean currentMatches, HashedPassword next, Command command) {
        Instant now = clock.now();
        if (!currentMatches) {
            throttle.recordFailure(change.accountKey(), now);
            throw new ValidationException("currentPassword", "is not the current password");
        }
        User user = users.findById(change.userId()).orElseThrow(() -> new NotFoundException("User", change.userId()));
        if (!credentials.load(change.userId()).equals(change.current())) {
            throw new ConflictException(
                    "the password was changed by another request meanwhile; send the new current one");
        }
        credentials.store(change.userId(), next);
        user.passwordChanged(clock);
        users.save(user);
        return sessions.revokeAllExcept(change.userId(), command.currentSession(), now);
    }
}
